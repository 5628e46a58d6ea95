package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesTest {

    @Test
    void theExtensionsOfAPostfixEhloReplyAreRecognised() {
        SmtpReply ehlo = new SmtpReply(250, "", List.of("mx.example.com", "PIPELINING", "SIZE 10240000", "VRFY",
                "ETRN", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"));

        assertThat(Capabilities.fromEhlo(ehlo))
                .isEqualTo(new Capabilities(true, true, true, true, true, 10_240_000));
    }

    @Test
    void keywordsAreCaseInsensitiveAndTheHostNameIsNotAKeyword() {
        SmtpReply ehlo = new SmtpReply(250, "", List.of("PIPELINING", "starttls"));

        assertThat(Capabilities.fromEhlo(ehlo))
                .isEqualTo(new Capabilities(false, true, false, false, false, 0));
    }

    @Test
    void aSizeThatIsNotABoundedNumberDeclaresNoLimit() {
        for (String size : List.of("SIZE", "SIZE 0", "SIZE -5", "SIZE 12x", "SIZE 99999999999999999999999")) {
            Capabilities capabilities = Capabilities.fromEhlo(new SmtpReply(250, "", List.of("mx", size)));

            assertThat(capabilities.size()).isTrue();
            assertThat(capabilities.exceedsSize(Long.MAX_VALUE)).as(size).isFalse();
        }
    }
}
