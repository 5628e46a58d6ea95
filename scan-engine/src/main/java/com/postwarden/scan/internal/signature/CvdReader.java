package com.postwarden.scan.internal.signature;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a {@code .cvd} or {@code .cld} container: the 512-byte header, then a tar archive (gzip-compressed in a
 * {@code .cvd}, usually plain in a {@code .cld}) of database files, each handed to an {@link EntryHandler}.
 *
 * <p>For a {@code .cvd} the header's digital signature is checked against its MD5 field first, and the MD5
 * of everything after the header is computed while the entries are read and compared at the end; the caller
 * keeps what the handler collected only when {@link #read} returns normally. A {@code .cld} is the local result
 * of applying incremental updates, which leaves its header's MD5 and signature stale, so libclamav checks
 * neither and neither do we. Stateless.
 */
public final class CvdReader {

    /** Receives the database files of a container in archive order. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(String name, InputStream content) throws IOException;
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
        InputStream tar = first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(buffered, false) : buffered;
        try (TarArchiveInputStream archive = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.getName().indexOf('/') >= 0) {
                    throw new RefusedException("directories are not allowed in a container");
                }
                if (!entry.isFile()) {
                    throw new RefusedException("unsupported entry type in a container");
                }
                handler.entry(entry.getName(), new Unclosable(archive));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RefusedException("malformed body", e.getMessage());
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] skip = new byte[1 << 16];
        while (in.read(skip) >= 0) {
            // the MD5 covers every byte after the header, including padding after the archive
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
