package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyReaderTest {

    @Test
    void aMultiLineReplyIsReadWholeAndTheNextOneAfterIt() throws IOException {
        ReplyReader reader = reader("250-mx.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n354 go ahead\r\n");

        assertThat(reader.read()).isEqualTo(new SmtpReply(250, "", List.of("mx.example.com", "PIPELINING", "8BITMIME")));
        assertThat(reader.read().code()).isEqualTo(354);
    }

    @Test
    void bareLineFeedsEndLinesToo() throws IOException {
        assertThat(reader("250 2.1.0 Ok\n").read()).isEqualTo(SmtpReply.of(250, "2.1.0", "Ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELLO there\r\n", "25O ok\r\n", "999 what\r\n", "250-a\r\n550 b\r\n", "\r\n"})
    void aMalformedReplyIsAProtocolError(String wire) {
        assertThatThrownBy(() -> reader(wire).read()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void anOverlongLineIsAProtocolErrorNotAnAllocation() {
        String wire = "250 " + "x".repeat(ReplyReader.MAX_LINE_LENGTH) + "\r\n";

        assertThatThrownBy(() -> reader(wire).read()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void endlessContinuationLinesAreAProtocolError() {
        String wire = "250-more\r\n".repeat(ReplyReader.MAX_LINES + 1) + "250 end\r\n";

        assertThatThrownBy(() -> reader(wire).read()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("lines");
    }

    @Test
    void aClosedConnectionIsAnEndOfFile() {
        assertThatThrownBy(() -> reader("250-half\r\n250 an").read()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader("").read()).isInstanceOf(EOFException.class);
    }

    private static ReplyReader reader(String wire) {
        return new ReplyReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }
}
