package com.postwarden.scan.internal.match;

import java.util.Arrays;

/**
 * Append-only primitive arrays for building the compiled database without boxing. {@code toArray} ends the use:
 * an array filled to its capacity is handed over as it is, not copied. Not thread-safe.
 */
final class Growable {

    private Growable() {
    }

    static final class Ints {
        private int[] values;
        private int size;

        Ints() {
            this(256);
        }

        /** @param capacity the expected size: no growing copy up to it, and no copy at the end when it is met */
        Ints(int capacity) {
            values = new int[Math.max(1, capacity)];
        }

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
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    static final class Bytes {
        private byte[] values;
        private int size;

        Bytes() {
            this(1024);
        }

        /** @param capacity the expected size: no growing copy up to it, and no copy at the end when it is met */
        Bytes(int capacity) {
            values = new byte[Math.max(1, capacity)];
        }

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
            return size == values.length ? values : Arrays.copyOf(values, size);
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
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }
}
