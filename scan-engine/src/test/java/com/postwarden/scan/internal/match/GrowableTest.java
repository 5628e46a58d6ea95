package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrowableTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 100})
    void anExpectedSizeMetOrMissedGivesTheValuesAdded(int capacity) {
        Growable.Ints ints = new Growable.Ints(capacity);
        Growable.Bytes bytes = new Growable.Bytes(capacity);
        for (int i = 0; i < 5; i++) {
            ints.add(i * 3);
            bytes.add((byte) i);
        }

        assertThat(ints.toArray()).containsExactly(0, 3, 6, 9, 12);
        assertThat(bytes.toArray()).containsExactly(0, 1, 2, 3, 4);
    }
}
