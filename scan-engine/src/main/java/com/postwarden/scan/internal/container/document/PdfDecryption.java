package com.postwarden.scan.internal.container.document;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the streams of a PDF encrypted with the standard security handler when the user password is empty,
 * the common case of "owner-locked" documents (and of malware that hides its payload from scanners this way):
 * revisions 2 to 4, RC4 or AES-128 (ISO 32000-1 section 7.6.3, algorithms 1, 2 and 6), and revision 6, AES-256
 * (ISO 32000-2 section 7.6.4.3.4, algorithm 2.B). Anything else, or a non-empty user password, cannot be read:
 * {@link #forDictionary} then returns empty and the caller reports the streams as encrypted.
 */
final class PdfDecryption {
    private static final byte[] PADDING = {
        0x28, (byte) 0xBF, 0x4E, 0x5E, 0x4E, 0x75, (byte) 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, (byte) 0xFF, (byte) 0xFA,
        0x01, 0x08, 0x2E, 0x2E, 0x00, (byte) 0xB6, (byte) 0xD0, 0x68, 0x3E, (byte) 0x80, 0x2F, 0x0C, (byte) 0xA9,
        (byte) 0xFE, 0x64, 0x53, 0x69, 0x7A
    };
    private static final byte[] AES_SALT = {0x73, 0x41, 0x6C, 0x54};

    private final byte[] key;
    private final boolean aes;
    private final boolean perObjectKey;

    private PdfDecryption(byte[] key, boolean aes, boolean perObjectKey) {
        this.key = key;
        this.aes = aes;
        this.perObjectKey = perObjectKey;
    }

    /** The decryption for an {@code /Encrypt} dictionary, if the empty user password opens it. */
    static Optional<PdfDecryption> forDictionary(Map<String, Object> encrypt, byte[] firstId) {
        try {
            if (!new PdfSyntax.Name("Standard").equals(encrypt.get("Filter"))) {
                return Optional.empty();
            }
            long revision = number(encrypt.get("R"));
            byte[] owner = bytes(encrypt.get("O"));
            byte[] user = bytes(encrypt.get("U"));
            if (owner == null || user == null) {
                return Optional.empty();
            }
            if (revision == 6 || revision == 5) {
                return aes256(encrypt, user, revision);
            }
            if (revision < 2 || revision > 4) {
                return Optional.empty();
            }
            long lengthBits = encrypt.containsKey("Length") ? number(encrypt.get("Length")) : 40;
            int keyLength = revision == 2 ? 5 : (int) Math.max(5, Math.min(16, lengthBits / 8));
            boolean aes = revision == 4 && "AESV2".equals(streamFilter(encrypt));
            if (revision == 4 && aes) {
                keyLength = 16;
            }
            byte[] key = fileKey(owner, encrypt, firstId == null ? new byte[0] : firstId, revision, keyLength);
            if (!userPasswordMatches(key, user, firstId == null ? new byte[0] : firstId, revision)) {
                return Optional.empty();
            }
            return Optional.of(new PdfDecryption(key, aes, true));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A decrypting view of the raw data of stream object {@code number}. */
    InputStream decrypt(InputStream raw, long number, long generation) throws IOException {
        try {
            byte[] objectKey = perObjectKey ? objectKey(number, generation) : key;
            if (!aes) {
                Cipher rc4 = Cipher.getInstance("ARCFOUR");
                rc4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(objectKey, "ARCFOUR"));
                return new CipherInputStream(raw, rc4);
            }
            byte[] iv = raw.readNBytes(16);
            if (iv.length < 16) {
                return InputStream.nullInputStream();
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(objectKey, "AES"), new IvParameterSpec(iv));
            return new CipherInputStream(raw, cipher);
        } catch (GeneralSecurityException e) {
            throw new IOException("PDF decryption unavailable: " + e.getMessage(), e);
        }
    }

    private byte[] objectKey(long number, long generation) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(key);
        md5.update(new byte[] {(byte) number, (byte) (number >> 8), (byte) (number >> 16), (byte) generation,
            (byte) (generation >> 8)});
        if (aes) {
            md5.update(AES_SALT);
        }
        return Arrays.copyOf(md5.digest(), Math.min(key.length + 5, 16));
    }

    private static byte[] fileKey(byte[] owner, Map<String, Object> encrypt, byte[] id, long revision, int length)
            throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(PADDING);
        md5.update(Arrays.copyOf(owner, 32));
        long permissions = number(encrypt.get("P"));
        md5.update(new byte[] {(byte) permissions, (byte) (permissions >> 8), (byte) (permissions >> 16),
            (byte) (permissions >> 24)});
        md5.update(id);
        if (revision >= 4 && Boolean.FALSE.equals(encrypt.get("EncryptMetadata"))) {
            md5.update(new byte[] {-1, -1, -1, -1});
        }
        byte[] hash = md5.digest();
        if (revision >= 3) {
            for (int i = 0; i < 50; i++) {
                hash = md5.digest(Arrays.copyOf(hash, length));
            }
        }
        return Arrays.copyOf(hash, length);
    }

    private static boolean userPasswordMatches(byte[] key, byte[] user, byte[] id, long revision)
            throws GeneralSecurityException {
        if (revision == 2) {
            return Arrays.equals(rc4(key, PADDING), Arrays.copyOf(user, 32));
        }
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(PADDING);
        byte[] value = rc4(key, md5.digest(id));
        for (int i = 1; i <= 19; i++) {
            byte[] xored = new byte[key.length];
            for (int j = 0; j < key.length; j++) {
                xored[j] = (byte) (key[j] ^ i);
            }
            value = rc4(xored, value);
        }
        return user.length >= 16 && Arrays.equals(value, 0, 16, user, 0, 16);
    }

    private static Optional<PdfDecryption> aes256(Map<String, Object> encrypt, byte[] user, long revision)
            throws GeneralSecurityException {
        byte[] userEncryption = bytes(encrypt.get("UE"));
        if (user.length < 48 || userEncryption == null || userEncryption.length < 32) {
            return Optional.empty();
        }
        byte[] validationSalt = Arrays.copyOfRange(user, 32, 40);
        byte[] keySalt = Arrays.copyOfRange(user, 40, 48);
        byte[] hash = revision == 6 ? hash2B(validationSalt) : sha256(validationSalt);
        if (!Arrays.equals(hash, 0, 32, user, 0, 32)) {
            return Optional.empty();
        }
        byte[] intermediate = revision == 6 ? hash2B(keySalt) : sha256(keySalt);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(intermediate, "AES"), new IvParameterSpec(new byte[16]));
        byte[] fileKey = cipher.doFinal(userEncryption, 0, 32);
        return Optional.of(new PdfDecryption(fileKey, true, false));
    }

    /** Algorithm 2.B of ISO 32000-2 with the empty password and no owner key. */
    private static byte[] hash2B(byte[] salt) throws GeneralSecurityException {
        byte[] k = sha256(salt);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        for (int round = 0; ; round++) {
            byte[] k1 = new byte[k.length * 64];
            for (int i = 0; i < 64; i++) {
                System.arraycopy(k, 0, k1, i * k.length, k.length);
            }
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(k, 16), "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(k, 16, 32)));
            byte[] e = cipher.doFinal(k1);
            int sum = 0;
            for (int i = 0; i < 16; i++) {
                sum += e[i] & 0xff;
            }
            String algorithm = sum % 3 == 0 ? "SHA-256" : sum % 3 == 1 ? "SHA-384" : "SHA-512";
            k = MessageDigest.getInstance(algorithm).digest(e);
            if (round >= 63 && (e[e.length - 1] & 0xff) <= round - 31) {
                return Arrays.copyOf(k, 32);
            }
        }
    }

    private static byte[] sha256(byte[] salt) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(salt);
    }

    private static byte[] rc4(byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher rc4 = Cipher.getInstance("ARCFOUR");
        rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
        return rc4.doFinal(data);
    }

    private static String streamFilter(Map<String, Object> encrypt) {
        Object stmF = encrypt.get("StmF");
        Object filters = encrypt.get("CF");
        if (!(stmF instanceof PdfSyntax.Name) || !(filters instanceof Map)) {
            return "";
        }
        Object filter = ((Map<?, ?>) filters).get(((PdfSyntax.Name) stmF).value());
        Object method = filter instanceof Map ? ((Map<?, ?>) filter).get("CFM") : null;
        return method instanceof PdfSyntax.Name ? ((PdfSyntax.Name) method).value() : "";
    }

    private static long number(Object value) {
        return value instanceof Number ? ((Number) value).longValue() : 0;
    }

    private static byte[] bytes(Object value) {
        return value instanceof byte[] ? (byte[]) value : null;
    }
}
