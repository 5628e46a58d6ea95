package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an executable once, looking for embedded objects ({@link EmbeddedFormats}) at every offset that starts
 * with the first two bytes of one of their formats. A found object is skipped over whole, so nothing inside it is reported twice
 * (its own unpacking finds what it holds), and one region (an overlay already read another way) is left out:
 * an object reaching into it is cut where it starts.
 */
final class EmbeddedObjectScanner {
    /** The first two bytes of every format looked for (big-endian pairs), as a table indexed by the pair. */
    private static final boolean[] FIRST_PAIRS = new boolean[1 << 16];

    static {
        int[][] pairs = {{'M', 'Z'}, {'M', 'S'}, {'7', 'z'}, {0xef, 0xbe}, {0xa3, 0x48}, {'I', 'n'}, {'P', 'K'},
            {'R', 'a'}, {0x60, 0xea}, {0xd0, 0xcf}};
        for (int[] pair : pairs) {
            FIRST_PAIRS[pair[0] << 8 | pair[1]] = true;
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
        Candidates candidates = new Candidates(content);
        long earliest = from;
        long p = from;
        while (found.size() < max) {
            if (p >= skipStart && p < skipEnd) {
                p = skipEnd;
                earliest = p;
            }
            long end = p < skipStart ? skipStart : content.size();
            long candidate = candidates.next(p, end);
            if (candidate < 0) {
                if (end == content.size()) {
                    break;
                }
                p = end;
                continue;
            }
            p = candidate;
            EmbeddedObject object = EmbeddedFormats.at(content, p, p >= overlayStart, earliest);
            if (object == null) {
                p++;
                continue;
            }
            if (object.offset() < skipStart && object.end() > skipStart) {
                object = new EmbeddedObject(object.kind(), object.offset(), skipStart - object.offset());
            }
            found.add(object);
            p = Math.max(object.end(), p + 1);
            earliest = p;
        }
        return found;
    }

    /** Finds the next offset starting with a known pair of bytes, on the heap array when there is one. */
    private static final class Candidates {
        private final byte[] array;
        private final ByteBuffer buffer;

        Candidates(Content content) {
            this.array = content.arrayOrNull();
            this.buffer = content.buffer();
        }

        /** The first offset in [{@code from}, {@code to}) where a format's first two bytes are, or -1. */
        long next(long from, long to) {
            int end = (int) Math.min(to, buffer.limit()) - 1;
            int p = (int) Math.max(0, from);
            if (array != null) {
                for (; p < end; p++) {
                    if (FIRST_PAIRS[(array[p] & 0xff) << 8 | array[p + 1] & 0xff]) {
                        return p;
                    }
                }
                return -1;
            }
            for (; p < end; p++) {
                if (FIRST_PAIRS[(buffer.get(p) & 0xff) << 8 | buffer.get(p + 1) & 0xff]) {
                    return p;
                }
            }
            return -1;
        }
    }
}
