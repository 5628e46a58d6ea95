package com.postwarden.scan.internal.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Signature names in one UTF-8 byte array with their start offsets: about a third of the memory of as many
 * {@code String}s, which matter for a hundred thousand body signatures; a name becomes a {@code String} only
 * when it is reported. Immutable and thread-safe once built.
 */
final class NameTable {
    private final byte[] bytes;
    private final int[] starts;

    private NameTable(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    int size() {
        return starts.length - 1;
    }

    String get(int index) {
        return new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.UTF_8);
    }

    /** Collects names in order. Not thread-safe. */
    static final class Builder {
        private final Growable.Bytes bytes = new Growable.Bytes();
        private final int[] starts;
        private int count;

        Builder(int expected) {
            this.starts = new int[expected + 1];
        }

        void add(String name) {
            starts[count++] = bytes.add(name.getBytes(StandardCharsets.UTF_8));
        }

        NameTable build() {
            int[] exact = Arrays.copyOf(starts, count + 1);
            byte[] all = bytes.toArray();
            exact[count] = all.length;
            return new NameTable(all, exact);
        }
    }
}
