package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.container.DrainingEntries;
import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.cabinet.Samples.CabMethod;
import com.postwarden.scan.internal.container.cabinet.Samples.Sample;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Truncated and corrupted samples of every format and method: clean failures, never wrong entries. */
class DamagedContainersTest {

    enum Kind {
        CAB_NONE, CAB_MSZIP, CAB_LZX, CHM, ARJ_STORED, ARJ_MOST, ARJ_FASTEST;

        Unpacker unpacker() {
            return name().startsWith("CAB") ? new CabUnpacker() : this == CHM ? new ChmUnpacker() : new ArjUnpacker();
        }

        byte[] make(Path directory) throws IOException {
            switch (this) {
                case CAB_NONE:
                    return Samples.cabinet(directory, CabMethod.NONE).bytes();
                case CAB_MSZIP:
                    return Samples.cabinet(directory, CabMethod.MSZIP).bytes();
                case CAB_LZX:
                    return Samples.cabinet(directory, CabMethod.LZX).bytes();
                case CHM:
                    return Samples.chm(directory, SampleFiles.large()).bytes();
                case ARJ_STORED:
                    return Samples.arj(directory, 0).bytes();
                case ARJ_MOST:
                    return Samples.arj(directory, 1).bytes();
                default:
                    return Samples.arj(directory, 4).bytes();
            }
        }
    }

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void truncatedContainerYieldsTheEntriesBeforeTheDamageThenFails(Kind kind) throws IOException {
        byte[] intact = kind.make(directory);
        List<Map.Entry<String, String>> all = entries(Unpacking.of(kind.unpacker(), intact).assertComplete());

        for (int cut : cutPoints(intact.length)) {
            Unpacking truncated = Unpacking.of(kind.unpacker(), Arrays.copyOf(intact, cut));

            assertThat(truncated.failure()).as("cut at %d of %d", cut, intact.length).isNotNull();
            List<Map.Entry<String, String>> before = entries(truncated);
            assertThat(before).as("cut at %d of %d", cut, intact.length).isEqualTo(all.subList(0, before.size()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void corruptedBytesGiveEntriesOrAnIOExceptionAndNothingElse(Kind kind) throws IOException {
        byte[] intact = kind.make(directory);
        Random random = new Random(kind.ordinal());

        for (int round = 0; round < 150; round++) {
            byte[] corrupted = intact.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                int at = random.nextInt(random.nextBoolean() ? Math.min(600, corrupted.length) : corrupted.length);
                corrupted[at] = (byte) random.nextInt(256);
            }
            try {
                kind.unpacker().unpack(Content.of(corrupted), new DrainingEntries());
            } catch (IOException damaged) {
                assertThat(damaged.getMessage()).as("message of %s", damaged).isNotBlank();
            }
        }
    }

    /** Stored ARJ entries are copied, not decoded: bounded by the archive's size, they need no interruption. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "ARJ_STORED", mode = EnumSource.Mode.EXCLUDE)
    void interruptedScanStopsDecodingWithAnInterruptedIOException(Kind kind) throws IOException {
        byte[] intact = kind.make(directory);

        Thread.currentThread().interrupt();
        try {
            assertThat(Unpacking.of(kind.unpacker(), intact).failure()).isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
    }

    private static List<Map.Entry<String, String>> entries(Unpacking unpacking) {
        return new ArrayList<>(Unpacking.digests(unpacking.entries()).entrySet());
    }

    /** Every header byte, then points spread over the rest; never the whole container. */
    private static TreeSet<Integer> cutPoints(int length) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int cut = 0; cut < Math.min(length, 120); cut++) {
            cuts.add(cut);
        }
        for (int i = 1; i < 60; i++) {
            cuts.add((int) ((long) length * i / 60));
        }
        cuts.add(length - 1);
        cuts.removeIf(cut -> cut >= length);
        return cuts;
    }
}
