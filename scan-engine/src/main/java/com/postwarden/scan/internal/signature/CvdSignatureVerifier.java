package com.postwarden.scan.internal.signature;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Checks the digital signature field of a {@code .cvd} header the way libclamav's {@code cli_versig} does:
 * the field is a number written in 6-bit digits (alphabet {@code a-z A-Z 0-9 + /}, least significant digit
 * first); raised to the public exponent modulo the public modulus, its low 16 bytes must equal the MD5 of the
 * container body. The default key is ClamAV's own, from libclamav/dsig.c. Immutable and thread-safe.
 */
public final class CvdSignatureVerifier {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
    /** Longest signature field accepted: a 2048-bit number needs 342 digits. */
    private static final int MAX_DIGITS = 512;

    /** ClamAV's public key for the MD5-based CVD signature. */
    public static final CvdSignatureVerifier CLAMAV = new CvdSignatureVerifier(new BigInteger(
            "118640995551645342603070001658453189751527774412027743746599405743243142607464144767361060640655844"
            + "749760788890022283424922762488917565551002467771109669598189410434699034532232228621591089508178591"
            + "428456220796841621637175567590476666928698770143328137383952820383197532047771780196576957695822641"
            + "224262693037"), new BigInteger("100001027"));

    private final BigInteger modulus;
    private final BigInteger exponent;

    public CvdSignatureVerifier(BigInteger modulus, BigInteger exponent) {
        this.modulus = modulus;
        this.exponent = exponent;
    }

    /** Whether {@code signature} signs {@code md5Hex} (32 hex digits). */
    public boolean verifies(String md5Hex, String signature) {
        if (md5Hex.length() != 32 || signature.isEmpty() || signature.length() > MAX_DIGITS) {
            return false;
        }
        BigInteger value = decode(signature);
        if (value == null) {
            return false;
        }
        byte[] plain = value.modPow(exponent, modulus).toByteArray();
        StringBuilder hex = new StringBuilder(32);
        for (int i = 16; i > 0; i--) {
            int index = plain.length - i;
            int b = index >= 0 ? plain[index] & 0xff : 0;
            hex.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
        }
        return hex.toString().equals(md5Hex.toLowerCase(Locale.ROOT));
    }

    /** The number a signature field writes, or {@code null} when it holds a character outside the alphabet. */
    static BigInteger decode(String signature) {
        BigInteger value = BigInteger.ZERO;
        for (int i = signature.length() - 1; i >= 0; i--) {
            int digit = ALPHABET.indexOf(signature.charAt(i));
            if (digit < 0) {
                return null;
            }
            value = value.shiftLeft(6).or(BigInteger.valueOf(digit));
        }
        return value;
    }
}
