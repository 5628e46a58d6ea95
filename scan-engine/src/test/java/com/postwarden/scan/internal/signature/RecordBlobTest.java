package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordBlobTest {

    private record Stored(int address, byte[] digest, String name) {
    }

    private static Stored append(RecordBlob blob, byte[] digest, String name) {
        byte[] line = ("xx" + name + "yy").getBytes(StandardCharsets.UTF_8);
        int address = blob.append(digest, digest.length, line, 2, line.length - 2);
        return new Stored(address, digest, name);
    }

    @Test
    void everyRecordGivesBackItsDigestAndName() {
        Random random = new Random(3);
        RecordBlob blob = new RecordBlob();
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            byte[] digest = new byte[i % 7 == 0 ? 32 : i % 11 == 0 ? 20 : 16];
            random.nextBytes(digest);
            String name = switch (random.nextInt(6)) {
                case 0 -> "Win.Trojan.Agent-" + i;
                case 1 -> "Win.Trojan.Agent-" + i + "-0";
                case 2 -> "x".repeat(random.nextInt(600)) + i;
                case 3 -> "Ünïcødé.Nåme-" + i;
                case 4 -> stored.isEmpty() ? "First" : stored.get(stored.size() - 1).name();
                default -> "Doc.Macro." + random.nextInt(100);
            };
            stored.add(append(blob, digest, name));
        }
        blob.freeze();

        for (Stored record : stored) {
            assertThat(blob.startsWith(record.address(), record.digest(), record.digest().length)).isTrue();
            assertThat(blob.name(record.address(), record.digest().length)).isEqualTo(record.name());
        }
    }

    @Test
    void namesLongerThanAChunkGetAChunkOfTheirOwn() {
        RecordBlob blob = new RecordBlob();
        byte[] digest = new byte[16];
        Stored before = append(blob, digest, "Before");
        Stored huge = append(blob, digest, "H".repeat(RecordBlob.CHUNK + 10));
        Stored after = append(blob, digest, "Huge.Neighbour");
        blob.freeze();

        assertThat(blob.name(before.address(), 16)).isEqualTo("Before");
        assertThat(blob.name(huge.address(), 16)).hasSize(RecordBlob.CHUNK + 10);
        assertThat(blob.name(after.address(), 16)).isEqualTo("Huge.Neighbour");
    }

    @Test
    void namesOfOneFamilyTakeAFewBytesEach() {
        RecordBlob blob = new RecordBlob();
        byte[] digest = new byte[16];
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            stored.add(append(blob, digest, "Postwarden.Synth.Hdb-" + String.format("%07d", i)));
        }
        blob.freeze();

        assertThat(blob.bytes()).as("digests plus at most 8 bytes a name").isLessThan(100_000L * (16 + 8));
        assertThat(blob.name(stored.get(99_999).address(), 16)).isEqualTo("Postwarden.Synth.Hdb-0099999");
        assertThat(blob.name(stored.get(4_321).address(), 16)).isEqualTo("Postwarden.Synth.Hdb-0004321");
    }
}
