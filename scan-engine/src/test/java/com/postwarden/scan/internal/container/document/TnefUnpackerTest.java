package com.postwarden.scan.internal.container.document;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.CLAM_EXE_MD5;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.md5Of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.junit.jupiter.api.Test;

class TnefUnpackerTest {
    private final byte[] sample = clamAvTestFile("clam.tnef");

    @Test
    void theAttachmentIsHandedOverUnderItsLongFileName() throws IOException {
        RecordingEntries entries = unpack(sample);

        assertThat(entries.entries()).containsOnlyKeys("clam.exe");
        assertThat(md5Of(entries.entries().get("clam.exe"))).isEqualTo(CLAM_EXE_MD5);
    }

    @Test
    void attachmentsMatchWhatPoisHmefReads() throws IOException {
        HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(sample));
        RecordingEntries entries = unpack(sample);

        assertThat(message.getAttachments()).hasSameSizeAs(entries.entries().keySet());
        for (Attachment attachment : message.getAttachments()) {
            assertThat(entries.entries().get(attachment.getLongFilename())).isEqualTo(attachment.getContents());
        }
    }

    @Test
    void aTruncatedTnefStreamFailsWithIoException() {
        byte[] truncated = Arrays.copyOf(sample, sample.length / 2);

        assertThatThrownBy(() -> unpack(truncated)).isInstanceOf(IOException.class).hasMessageContaining("TNEF");
    }

    @Test
    void aStreamWithoutTheTnefSignatureIsRejected() {
        assertThatThrownBy(() -> unpack(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IOException.class).hasMessageContaining("signature");
    }

    private static RecordingEntries unpack(byte[] tnef) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        new TnefUnpacker().unpack(Content.of(tnef), entries);
        return entries;
    }
}
