package com.postwarden.scan.internal.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests of ClamAV hash signatures, told apart by their length as ClamAV does. */
public enum HashAlgorithm {
    MD5(16, "MD5"),
    SHA1(20, "SHA-1"),
    SHA256(32, "SHA-256");

    private static final int SHA256_HEX = 64;
    /** By hex length: a lookup without a branch per algorithm, which a million lines of one kind would train. */
    private static final HashAlgorithm[] BY_HEX_LENGTH = new HashAlgorithm[SHA256_HEX + 1];

    static {
        for (HashAlgorithm algorithm : values()) {
            BY_HEX_LENGTH[algorithm.length * 2] = algorithm;
        }
    }

    private final int length;
    private final String javaName;

    HashAlgorithm(int length, String javaName) {
        this.length = length;
        this.javaName = javaName;
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + javaName, e);
        }
    }

    /** The algorithm whose hex digest has {@code hexLength} characters, or {@code null}. */
    public static HashAlgorithm forHexLength(int hexLength) {
        return hexLength >= 0 && hexLength < BY_HEX_LENGTH.length ? BY_HEX_LENGTH[hexLength] : null;
    }
}
