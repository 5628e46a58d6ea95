package com.postwarden.scan.internal.match;

import java.util.Arrays;

/** Append-only primitive arrays for building the compiled database without boxing. Not thread-safe. */
final class Growable {

    private Growable() {
    }

    static final class Ints {
        private int[] values = new int[256];
        private int size;

        int add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size] = value;
            return size++;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static final class Bytes {
        private byte[] values = new byte[1024];
        private int size;

        /** Appends and returns the offset of the first appended byte. */
        int add(byte[] bytes) {
            if (size + bytes.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + bytes.length));
            }
            System.arraycopy(bytes, 0, values, size, bytes.length);
            int offset = size;
            size += bytes.length;
            return offset;
        }

        void add(byte value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        byte[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static final class Longs {
        private long[] values = new long[64];
        private int size;

        int add(long[] longs) {
            if (size + longs.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + longs.length));
            }
            System.arraycopy(longs, 0, values, size, longs.length);
            int offset = size;
            size += longs.length;
            return offset;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
