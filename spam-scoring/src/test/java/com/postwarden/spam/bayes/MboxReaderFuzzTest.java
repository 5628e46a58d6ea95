package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Feeds arbitrary bytes to the mbox reader: it ends, never throws, and no message it returns is larger than the
 * input or the limit. A normal build replays the committed seeds in {@code MboxReaderFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} with {@code -Dtest=} on this method fuzzes it.
 */
class MboxReaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyBytesSplitIntoBoundedMessages(byte[] input) throws IOException {
        long limit = 64;
        MboxReader reader = new MboxReader(new ByteArrayInputStream(input), "fuzz", limit);
        Optional<MailItem> item;
        int count = 0;
        while ((item = reader.next()).isPresent()) {
            count++;
            if (item.get() instanceof MailItem.Message m) {
                assertThat(m.raw().length).isLessThanOrEqualTo((int) Math.min(limit, input.length));
            }
        }
        assertThat(count).isLessThanOrEqualTo(input.length / 5 + 1);
    }
}
