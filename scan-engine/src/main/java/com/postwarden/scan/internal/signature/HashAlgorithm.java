package com.postwarden.scan.internal.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests of ClamAV hash signatures, told apart by their length as ClamAV does. */
public enum HashAlgorithm {
    MD5(16, "MD5"),
    SHA1(20, "SHA-1"),
    SHA256(32, "SHA-256");

    private static final HashAlgorithm[] ALL = values();

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
        for (HashAlgorithm algorithm : ALL) {
            if (algorithm.length * 2 == hexLength) {
                return algorithm;
            }
        }
        return null;
    }
}
