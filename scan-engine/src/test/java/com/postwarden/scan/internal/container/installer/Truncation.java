package com.postwarden.scan.internal.container.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Cuts a sample at many points and checks what an unpacker makes of each piece. */
final class Truncation {
    private static final int CUTS = 48;

    private Truncation() {
    }

    /**
     * Every cut of {@code intact} shorter by more than {@code harmlessTail} bytes (a trailing checksum, say) fails
     * with an {@link IOException}, after handing over complete entries only: the first ones of the intact sample,
     * byte for byte. No other exception, no hang.
     */
    static void assertEveryCutFailsAfterTheEntriesBeforeIt(Unpacker unpacker, byte[] intact, int harmlessTail)
            throws IOException {
        List<Map.Entry<String, byte[]>> all = entries(unpacker, intact);
        assertThat(all).as("entries of the intact sample").isNotEmpty();
        for (int cut : cutPoints(intact.length - harmlessTail)) {
            RecordingEntries entries = new RecordingEntries();
            assertThatThrownBy(() -> unpacker.unpack(Content.of(Arrays.copyOf(intact, cut)), entries))
                    .as("cut at %d of %d bytes", cut, intact.length).isInstanceOf(IOException.class);
            assertIsPrefix(new ArrayList<>(entries.entries().entrySet()), all, cut);
        }
    }

    private static void assertIsPrefix(List<Map.Entry<String, byte[]>> partial, List<Map.Entry<String, byte[]>> all,
                                       int cut) {
        assertThat(partial.size()).as("entries before the cut at %d", cut).isLessThanOrEqualTo(all.size());
        for (int i = 0; i < partial.size(); i++) {
            assertThat(partial.get(i).getKey()).as("entry %d before the cut at %d", i, cut).isEqualTo(all.get(i).getKey());
            assertThat(partial.get(i).getValue()).as("entry %s before the cut at %d", partial.get(i).getKey(), cut)
                    .isEqualTo(all.get(i).getValue());
        }
    }

    private static List<Map.Entry<String, byte[]>> entries(Unpacker unpacker, byte[] bytes) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        unpacker.unpack(Content.of(bytes), entries);
        return new ArrayList<>(entries.entries().entrySet());
    }

    /** Evenly spread cuts, plus the very first and last bytes. */
    private static TreeSet<Integer> cutPoints(int length) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i < CUTS; i++) {
            cuts.add((int) ((long) length * i / CUTS));
        }
        for (int i = 1; i <= 3 && length - i >= 0; i++) {
            cuts.add(length - i);
        }
        cuts.add(Math.min(1, length));
        cuts.removeIf(cut -> cut < 0 || cut >= length);
        return cuts;
    }
}
