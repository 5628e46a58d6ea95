package com.postwarden.scan.internal.container.document;

import java.nio.ByteBuffer;

/** Byte searches over a content's buffer (absolute positions, heap or mapped alike). */
final class Bytes {
    private Bytes() {
    }

    /** The first position in {@code [from, to)} where {@code needle} starts, or -1. */
    static int indexOf(ByteBuffer bytes, byte[] needle, int from, int to) {
        int last = Math.min(to, bytes.limit()) - needle.length;
        byte first = needle[0];
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            if (bytes.get(i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (bytes.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The last position in {@code [0, before)} where {@code needle} starts, or -1. */
    static int lastIndexOf(ByteBuffer bytes, byte[] needle, int before) {
        outer:
        for (int i = Math.min(before, bytes.limit()) - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
