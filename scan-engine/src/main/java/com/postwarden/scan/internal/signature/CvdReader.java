package com.postwarden.scan.internal.signature;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a {@code .cvd}, {@code .cld} or {@code .cud} container: the 512-byte header, then a tar archive
 * (gzip-compressed in a {@code .cvd} and {@code .cud}, usually plain in a {@code .cld}) of database files, each
 * handed to an {@link EntryHandler}.
 *
 * <p>For a {@code .cvd} the header's digital signature is checked against its MD5 field first, and the MD5
 * of everything after the header is computed while the entries are read and compared at the end; the caller
 * keeps what the handler collected only when {@link #read} returns normally. A {@code .cld} is the local result
 * of applying incremental updates, which leaves its header's MD5 and signature stale, and a {@code .cud} is
 * ClamAV's unsigned container, so neither header is checked, as in libclamav. In every container, when the
 * first entry is the {@code .info} list ({@code name:size:sha256} per file), every later entry must be listed
 * with its size and SHA-256; the list's own signature (RSA-PSS, ClamAV's second key) is not checked. Stateless.
 */
public final class CvdReader {

    /** Receives the database files of a container in archive order. */
    @FunctionalInterface
    public interface EntryHandler {
        /** One file of the container; {@code size} is its length as the archive states it. */
        void entry(String name, long size, InputStream content) throws IOException;
    }

    /** Why a container was refused: the message is the reason shown in the load summary. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String detail;

        RefusedException(String reason) {
            this(reason, null);
        }

        RefusedException(String reason, String detail) {
            super(reason, null, false, false);
            this.detail = detail;
        }

        /** The fixed reason, e.g. "MD5 of the body does not match the header". */
        public String reason() {
            return getMessage();
        }

        /** What went wrong in particular, or {@code null}. */
        public String detail() {
            return detail;
        }
    }

    /** Largest {@code .info} list read: real ones list a few dozen files. */
    static final int MAX_INFO = 1 << 20;

    private final CvdSignatureVerifier verifier;

    public CvdReader(CvdSignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /** Reads the header alone. */
    public static CvdHeader header(Path file) throws IOException, RefusedException {
        try (InputStream in = Files.newInputStream(file)) {
            return header(in);
        }
    }

    /**
     * Reads and checks {@code file}; {@code verify} is true for a {@code .cvd}. Returns the header once every entry
     * went to {@code handler} and, for a {@code .cvd}, the body's MD5 matched.
     */
    public CvdHeader read(Path file, boolean verify, EntryHandler handler) throws IOException, RefusedException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CvdHeader header = header(raw);
            if (verify && !verifier.verifies(header.md5(), header.digitalSignature())) {
                throw new RefusedException("digital signature does not verify");
            }
            MessageDigest md5 = HashAlgorithm.MD5.newDigest();
            DigestInputStream body = new DigestInputStream(raw, md5);
            readEntries(body, handler);
            drain(body);
            if (verify) {
                String actual = HexFormat.of().formatHex(md5.digest());
                if (!actual.equalsIgnoreCase(header.md5())) {
                    throw new RefusedException("MD5 of the body does not match the header");
                }
            }
            return header;
        }
    }

    private static CvdHeader header(InputStream in) throws IOException, RefusedException {
        byte[] header = in.readNBytes(CvdHeader.LENGTH);
        try {
            return CvdHeader.parse(header);
        } catch (SignatureFormatException e) {
            throw new RefusedException(e.reason());
        }
    }

    private static void readEntries(InputStream body, EntryHandler handler) throws IOException, RefusedException {
        BufferedInputStream buffered = new BufferedInputStream(new Unclosable(body), 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream tar = first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(buffered) : buffered;
        try (TarArchiveInputStream archive = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            Map<String, String> listed = null;
            boolean firstEntry = true;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.getName().indexOf('/') >= 0) {
                    throw new RefusedException("directories are not allowed in a container");
                }
                if (!entry.isFile()) {
                    throw new RefusedException("unsupported entry type in a container");
                }
                if (firstEntry && entry.getName().endsWith(".info")) {
                    listed = infoList(archive);
                } else if (listed == null) {
                    handler.entry(entry.getName(), entry.getSize(), new Unclosable(archive));
                } else {
                    checkedEntry(entry.getName(), entry.getSize(), archive, listed, handler);
                }
                firstEntry = false;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RefusedException("malformed body", e.getMessage());
        }
    }

    /** Reads the {@code .info} entry: the header line, {@code name:size:sha256} lines, and a {@code DSIG:} line. */
    private static Map<String, String> infoList(InputStream in) throws IOException, RefusedException {
        byte[] bytes = in.readNBytes(MAX_INFO);
        if (in.read() >= 0) {
            throw new RefusedException("the .info list is too long");
        }
        Map<String, String> listed = new HashMap<>();
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("DSIG:")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            if (fields.length != 3 || fields[2].length() != 64) {
                throw new RefusedException("malformed .info list");
            }
            listed.put(fields[0], fields[1] + ":" + fields[2].toLowerCase(Locale.ROOT));
        }
        return listed;
    }

    /** Hands an entry over while hashing it, then checks it against the {@code .info} list. */
    private static void checkedEntry(String name, long size, InputStream archive, Map<String, String> listed,
                                     EntryHandler handler) throws IOException, RefusedException {
        String expected = listed.get(name);
        if (expected == null) {
            throw new RefusedException("entry missing from the .info list", name);
        }
        MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
        CountingDigestStream entry = new CountingDigestStream(new Unclosable(archive), sha256);
        handler.entry(name, size, entry);
        drain(entry);
        String actual = entry.count() + ":" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expected)) {
            throw new RefusedException("entry does not match the .info list", name);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] skip = new byte[1 << 16];
        while (in.read(skip) >= 0) {
            // the MD5 covers every byte after the header, including padding after the archive
        }
    }

    /** Counts and hashes what passes through. */
    private static final class CountingDigestStream extends DigestInputStream {
        private long count;

        CountingDigestStream(InputStream in, MessageDigest digest) {
            super(in, digest);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    /** Keeps a handler from closing the shared stream. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the owner closes
        }
    }
}
