package com.postwarden.scan.internal.signature;

import java.nio.charset.StandardCharsets;

/**
 * The 512-byte header of a {@code .cvd}/{@code .cld} container:
 * {@code ClamAV-VDB:buildTime:version:signatures:functionalityLevel:md5:dsig:builder:buildTimeSeconds},
 * padded with spaces. The seconds field is missing in very old files (0 here).
 */
public record CvdHeader(String buildTime, long version, long signatures, int functionalityLevel, String md5,
                        String digitalSignature, String builder, long buildTimeSeconds) {

    public static final int LENGTH = 512;
    private static final String MAGIC = "ClamAV-VDB:";

    /** Parses the header bytes; throws with the reason when they are no CVD header. */
    public static CvdHeader parse(byte[] header) throws SignatureFormatException {
        if (header.length < LENGTH) {
            throw new SignatureFormatException("truncated header");
        }
        String text = new String(header, 0, LENGTH, StandardCharsets.ISO_8859_1);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\n'
                || text.charAt(end - 1) == '\r' || text.charAt(end - 1) == 0)) {
            end--;
        }
        text = text.substring(0, end);
        if (!text.startsWith(MAGIC)) {
            throw new SignatureFormatException("not a ClamAV database container");
        }
        String[] fields = text.split(":", -1);
        if (fields.length < 8) {
            throw new SignatureFormatException("malformed header");
        }
        return new CvdHeader(fields[1], number(fields[2]), number(fields[3]), (int) Math.min(number(fields[4]),
                Integer.MAX_VALUE), fields[5], fields[6], fields[7], fields.length > 8 ? number(fields[8]) : 0);
    }

    private static long number(String field) throws SignatureFormatException {
        if (field.isEmpty() || field.length() > 18) {
            throw new SignatureFormatException("malformed header");
        }
        long value = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw new SignatureFormatException("malformed header");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
