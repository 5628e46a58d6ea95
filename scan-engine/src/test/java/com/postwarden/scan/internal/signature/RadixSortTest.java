package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RadixSortTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 17, 1000, 100_000})
    void sortsSignedKeysAndKeepsTheOrderOfEqualOnes(int n) {
        Random random = new Random(n);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> (long) random.nextInt(5000) << 32 | random.nextInt() & 0xffffffffL;
                case 2 -> random.nextInt(10) - 5;
                default -> keys[random.nextInt(i)];
            };
        }
        int[] values = IntStream.range(0, n).toArray();
        Integer[] expected = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(i -> keys[i]))
                .toArray(Integer[]::new);

        long[] sortedKeys = keys.clone();
        RadixSort.sort(sortedKeys, values);

        assertThat(values).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < n; i++) {
            assertThat(sortedKeys[i]).isEqualTo(keys[values[i]]);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE})
    void keysThatAreAllEqualStayInPlace(long key) {
        long[] keys = new long[5000];
        Arrays.fill(keys, key);
        int[] values = IntStream.range(0, keys.length).toArray();

        RadixSort.sort(keys, values);

        assertThat(values).isSorted();
    }
}
