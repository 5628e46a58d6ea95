package com.postwarden.smtp.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Finds the media type of content from its first bytes with Tika's magic database, ignoring names and declared
 * types. Thread-safe.
 */
final class ContentSniffer {
    /**
     * How many leading bytes are examined: Tika's own window. Some signatures sit far in, e.g. ISO 9660 images
     * (a common way to smuggle executables) at offset 32769.
     */
    static final int HEAD_BYTES = 64 * 1024;

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    /** Bytes that text hardly contains: NUL and the C0 controls other than white space, FF and ESC. */
    private static final boolean[] CONTROL = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            CONTROL[b] = b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b;
        }
    }

    /**
     * How many leading bytes are tried first. Tika's cost grows with the window (it builds strings from it for
     * its patterns), and almost every type is known from its first bytes; content that stays unknown or looks
     * like plain text (binary may follow) is examined again over the whole {@link #HEAD_BYTES}.
     */
    static final int QUICK_BYTES = 4 * 1024;

    /** The detected type without parameters, e.g. {@code application/pdf}; never null. */
    String detect(byte[] head, int length) {
        if (length > QUICK_BYTES) {
            MediaType quick = tika(head, QUICK_BYTES);
            if (!quick.equals(MediaType.OCTET_STREAM) && !quick.equals(MediaType.TEXT_PLAIN)) {
                return quick.toString();
            }
        }
        return tika(head, length).toString();
    }

    private static MediaType tika(byte[] head, int length) {
        try (ByteArrayInputStream in = new ByteArrayInputStream(head, 0, length)) {
            return TYPES.detect(in, new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Whether {@code head} is plainly text: no NUL and hardly any other control byte. A cheap test that spares
     * declared text Tika's detection, which evaluates its whole signature table before it concludes "text".
     * Executables, archives and most documents fail it and go through {@link #detect}.
     */
    boolean looksLikeText(byte[] head) {
        int controls = 0;
        for (byte b : head) {
            if (CONTROL[b & 0xff]) {
                if (b == 0) {
                    return false;
                }
                controls++;
            }
        }
        return controls <= head.length / 100;
    }

    /** Whether {@code type} is text a reader sees as such, or nothing specific (so declared text stays text). */
    boolean isPlausibleText(String type) {
        MediaType media = MediaType.parse(type);
        return media == null || media.equals(MediaType.OCTET_STREAM) || media.equals(MediaType.TEXT_PLAIN)
                || TYPES.getMediaTypeRegistry().isSpecializationOf(media, MediaType.TEXT_PLAIN);
    }
}
