package com.postwarden.scan.internal.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds real {@code .cvd} and {@code .cld} containers for tests: a tar archive of database files, gzipped for a
 * {@code .cvd}, behind the 512-byte header with the body's MD5 and a digital signature made the way libclamav
 * checks it, with a key pair generated here (ClamAV's private key is not public).
 */
public final class CvdBuilder {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
    private static final String PLACEHOLDER_MD5 = "00000000000000000000000000000000";
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private String name = "test";
    private boolean withInfo = true;
    private long version = 27123;
    private long buildSeconds = 1_763_800_000L;

    /** An RSA key pair in ClamAV's scheme: the verifier holds (n, e), the signer d. */
    public record TestKey(BigInteger modulus, BigInteger publicExponent, BigInteger privateExponent) {
        public static TestKey generate() {
            SecureRandom random = new SecureRandom();
            BigInteger e = BigInteger.valueOf(65537);
            while (true) {
                BigInteger p = BigInteger.probablePrime(512, random);
                BigInteger q = BigInteger.probablePrime(512, random);
                BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
                if (phi.gcd(e).equals(BigInteger.ONE)) {
                    return new TestKey(p.multiply(q), e, e.modInverse(phi));
                }
            }
        }

        public CvdSignatureVerifier verifier() {
            return new CvdSignatureVerifier(modulus, publicExponent);
        }

        /** The signature field for an MD5 given in hex. */
        public String sign(String md5Hex) {
            BigInteger signature = new BigInteger(1, HexFormat.of().parseHex(md5Hex)).modPow(privateExponent, modulus);
            StringBuilder digits = new StringBuilder();
            BigInteger rest = signature;
            while (rest.signum() > 0) {
                digits.append(ALPHABET.charAt(rest.intValue() & 63));
                rest = rest.shiftRight(6);
            }
            return digits.toString();
        }
    }

    public CvdBuilder file(String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** The database name: the {@code .info} entry is {@code name.info}. */
    public CvdBuilder name(String newName) {
        this.name = newName;
        return this;
    }

    /** Leaves out the {@code .info} entry. */
    public CvdBuilder withoutInfo() {
        this.withInfo = false;
        return this;
    }

    /** Adds raw bytes as a file. */
    public CvdBuilder file(String fileName, byte[] content) {
        files.put(fileName, content.clone());
        return this;
    }

    public CvdBuilder version(long newVersion) {
        this.version = newVersion;
        return this;
    }

    /** A {@code .cvd}: gzipped tar, MD5 and signature valid for {@code key}. */
    public byte[] cvd(TestKey key) {
        byte[] body = tar(true);
        String md5 = HexFormat.of().formatHex(HashAlgorithm.MD5.newDigest().digest(body));
        return concat(header(md5, key.sign(md5)), body);
    }

    /** A {@code .cvd} whose header names {@code md5} (signed with {@code key}) instead of the body's MD5. */
    public byte[] cvdClaimingMd5(TestKey key, String md5) {
        return concat(header(md5, key.sign(md5)), tar(true));
    }

    /** A {@code .cld}: plain tar; the header's MD5 and signature are placeholders, as after incremental updates. */
    public byte[] cld() {
        return concat(header(PLACEHOLDER_MD5, "X"), tar(false));
    }

    /** A {@code .cud} (ClamAV's unsigned container): gzipped tar, placeholders for MD5 and signature. */
    public byte[] cud() {
        return concat(header(PLACEHOLDER_MD5, "X"), tar(true));
    }

    private String headerText(String md5, String signature) {
        return "ClamAV-VDB:22 Nov 2026 08-00 +0000:" + version + ":" + signatureCount() + ":90:" + md5 + ":"
                + signature + ":postwarden:" + buildSeconds;
    }

    private byte[] header(String md5, String signature) {
        String text = headerText(md5, signature);
        byte[] header = new byte[CvdHeader.LENGTH];
        Arrays.fill(header, (byte) ' ');
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, 0, bytes.length);
        return header;
    }

    private long signatureCount() {
        long lines = 0;
        for (byte[] content : files.values()) {
            for (byte b : content) {
                lines += b == '\n' ? 1 : 0;
            }
        }
        return lines;
    }

    /** {@code name.info}: the header line, then {@code file:size:sha256} per file, as sigtool writes it. */
    private byte[] info(String md5, String signature) {
        StringBuilder info = new StringBuilder(headerText(md5, signature)).append('\n');
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            info.append(file.getKey()).append(':').append(file.getValue().length).append(':')
                    .append(HexFormat.of().formatHex(HashAlgorithm.SHA256.newDigest().digest(file.getValue())))
                    .append('\n');
        }
        return info.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] tar(boolean gzip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (withInfo) {
            entries.put(name + ".info", info(PLACEHOLDER_MD5, "X"));
        }
        entries.putAll(files);
        try (OutputStream out = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setModTime(buildSeconds * 1000);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
