package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an executable once, looking for embedded objects ({@link EmbeddedFormats}) at every offset that starts
 * with one of their first bytes. A found object is skipped over whole, so nothing inside it is reported twice
 * (its own unpacking finds what it holds), and one region (an overlay already read another way) is left out:
 * an object reaching into it is cut where it starts.
 */
final class EmbeddedObjectScanner {
    private static final boolean[] FIRST_BYTES = new boolean[256];

    static {
        for (int b : new int[] {'M', '7', 0xef, 0xa3, 'I', 'P', 'R', 0x60, 0xd0}) {
            FIRST_BYTES[b] = true;
        }
    }

    private EmbeddedObjectScanner() {
    }

    /**
     * The objects from {@code from} to the end, in file order, at most {@code max}.
     *
     * @param overlayStart where the overlay starts; archives without a size of their own count only there
     * @param skipStart    the start of a region not to look into
     * @param skipEnd      its end ({@code skipStart} for none)
     */
    static List<EmbeddedObject> find(Content content, long from, long overlayStart, long skipStart, long skipEnd,
                                     int max) {
        List<EmbeddedObject> found = new ArrayList<>();
        ByteBuffer bytes = content.buffer();
        int size = content.size();
        long earliest = from;
        for (long p = from; p < size && found.size() < max; ) {
            if (p >= skipStart && p < skipEnd) {
                p = skipEnd;
                earliest = skipEnd;
                continue;
            }
            if (FIRST_BYTES[bytes.get((int) p) & 0xff]) {
                EmbeddedObject object = EmbeddedFormats.at(content, p, p >= overlayStart, earliest);
                if (object != null) {
                    if (object.offset() < skipStart && object.end() > skipStart) {
                        object = new EmbeddedObject(object.kind(), object.offset(), skipStart - object.offset());
                    }
                    found.add(object);
                    p = Math.max(object.end(), p + 1);
                    earliest = p;
                    continue;
                }
            }
            p++;
        }
        return found;
    }
}
