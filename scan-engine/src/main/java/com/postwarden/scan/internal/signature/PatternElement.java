package com.postwarden.scan.internal.signature;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One piece of a parsed body pattern, in order from the pattern's first byte to its last. */
public sealed interface PatternElement {

    /** Fewest bytes this element covers. */
    int minLength();

    /** Most bytes this element covers; {@link Gap#UNBOUNDED} for {@code *}. */
    int maxLength();

    /**
     * Consecutive single bytes, each matched through a mask: {@code 0xff} exact, {@code 0xf0} high nibble
     * ({@code a?}), {@code 0x0f} low nibble ({@code ?a}), {@code 0x00} any byte ({@code ??}).
     */
    record ByteRun(byte[] values, byte[] masks) implements PatternElement {
        public ByteRun {
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(masks, "masks");
            if (values.length != masks.length || values.length == 0) {
                throw new IllegalArgumentException("values and masks differ in length or are empty");
            }
        }

        public static ByteRun exact(byte[] values) {
            byte[] masks = new byte[values.length];
            Arrays.fill(masks, (byte) 0xff);
            return new ByteRun(values.clone(), masks);
        }

        public int length() {
            return values.length;
        }

        public boolean isExact(int index) {
            return masks[index] == (byte) 0xff;
        }

        public boolean allExact() {
            for (byte mask : masks) {
                if (mask != (byte) 0xff) {
                    return false;
                }
            }
            return true;
        }

        public ByteRun slice(int from, int to) {
            return new ByteRun(Arrays.copyOfRange(values, from, to), Arrays.copyOfRange(masks, from, to));
        }

        @Override
        public int minLength() {
            return values.length;
        }

        @Override
        public int maxLength() {
            return values.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteRun run && Arrays.equals(values, run.values) && Arrays.equals(masks, run.masks);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + Arrays.hashCode(masks);
        }

        @Override
        public String toString() {
            return "ByteRun" + Arrays.toString(values);
        }
    }

    /** One byte out of a set: single-byte alternatives {@code (aa|bb)}, their negation, or a character class. */
    record ByteClass(long[] bits) implements PatternElement {
        public ByteClass {
            if (bits.length != 4) {
                throw new IllegalArgumentException("a byte class has 256 bits");
            }
            bits = bits.clone();
        }

        public boolean contains(int b) {
            return (bits[b >>> 6] & (1L << (b & 63))) != 0;
        }

        @Override
        public long[] bits() {
            return bits.clone();
        }

        @Override
        public int minLength() {
            return 1;
        }

        @Override
        public int maxLength() {
            return 1;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteClass c && Arrays.equals(bits, c.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    /** One of several byte sequences, possibly of different lengths: {@code (aabb|cc??|dd)}. */
    record Alternatives(List<ByteRun> options) implements PatternElement {
        public Alternatives {
            options = List.copyOf(options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("alternatives need at least two options");
            }
        }

        @Override
        public int minLength() {
            return options.stream().mapToInt(ByteRun::length).min().orElseThrow();
        }

        @Override
        public int maxLength() {
            return options.stream().mapToInt(ByteRun::length).max().orElseThrow();
        }
    }

    /** Any {@code length} bytes that equal none of the options: {@code !(aabb|ccdd)}. */
    record NegatedAlternatives(List<byte[]> options, int length) implements PatternElement {
        public NegatedAlternatives {
            options = options.stream().map(byte[]::clone).toList();
            for (byte[] option : options) {
                if (option.length != length) {
                    throw new IllegalArgumentException("negated alternatives must all be " + length + " bytes");
                }
            }
        }

        @Override
        public int minLength() {
            return length;
        }

        @Override
        public int maxLength() {
            return length;
        }
    }

    /** Between {@code min} and {@code max} arbitrary bytes: {@code {n-m}}, {@code [n-m]} or {@code *}. */
    record Gap(int min, int max) implements PatternElement {
        public static final int UNBOUNDED = Integer.MAX_VALUE;

        public Gap {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("bad gap {" + min + "-" + max + "}");
            }
        }

        public boolean unbounded() {
            return max == UNBOUNDED;
        }

        @Override
        public int minLength() {
            return min;
        }

        @Override
        public int maxLength() {
            return max;
        }
    }
}
