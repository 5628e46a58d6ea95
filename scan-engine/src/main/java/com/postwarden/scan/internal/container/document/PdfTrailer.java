package com.postwarden.scan.internal.container.document;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encryption a PDF declares: the last {@code /Encrypt} entry of a trailer or cross-reference stream
 * dictionary, with the first element of the last {@code /ID}. Found by searching backwards from the end, as the
 * newest trailer of an incrementally updated file is the last one.
 */
final class PdfTrailer {
    private static final byte[] ENCRYPT = "/Encrypt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "/ID".getBytes(StandardCharsets.US_ASCII);
    private static final PdfTrailer PLAIN = new PdfTrailer(false, Optional.empty());

    private final boolean encrypted;
    private final Optional<PdfDecryption> decryption;

    private PdfTrailer(boolean encrypted, Optional<PdfDecryption> decryption) {
        this.encrypted = encrypted;
        this.decryption = decryption;
    }

    boolean encrypted() {
        return encrypted;
    }

    /** How to decrypt the streams, when the empty user password opens them. */
    Optional<PdfDecryption> decryption() {
        return decryption;
    }

    static PdfTrailer find(ByteBuffer bytes, PdfObjectIndex index) {
        Object encrypt = lastValueOf(bytes, ENCRYPT);
        if (encrypt instanceof PdfSyntax.Ref) {
            PdfObjectIndex.Header header = index.byNumber(((PdfSyntax.Ref) encrypt).number());
            encrypt = header == null ? null
                    : new PdfSyntax(bytes, header.bodyStart(), index.endOf(header, bytes.limit())).next();
        }
        if (encrypt == null || encrypt == PdfSyntax.NULL) {
            return PLAIN;
        }
        if (!(encrypt instanceof Map)) {
            return new PdfTrailer(true, Optional.empty());
        }
        Object ids = lastValueOf(bytes, ID);
        byte[] firstId = ids instanceof List && !((List<?>) ids).isEmpty() && ((List<?>) ids).get(0) instanceof byte[]
                ? (byte[]) ((List<?>) ids).get(0) : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> dictionary = (Map<String, Object>) encrypt;
        return new PdfTrailer(true, PdfDecryption.forDictionary(dictionary, firstId));
    }

    /** The value after the last occurrence of key {@code name} (not a longer name that starts with it). */
    private static Object lastValueOf(ByteBuffer bytes, byte[] name) {
        int before = bytes.limit();
        while (true) {
            int at = Bytes.lastIndexOf(bytes, name, before);
            if (at < 0) {
                return null;
            }
            int after = at + name.length;
            if (after >= bytes.limit() || !PdfSyntax.isRegular(bytes.get(after) & 0xff)) {
                Object value = new PdfSyntax(bytes, after, Math.min(bytes.limit(), after + 65536)).next();
                if (value != null) {
                    return value;
                }
            }
            before = at + name.length - 1;
        }
    }
}
