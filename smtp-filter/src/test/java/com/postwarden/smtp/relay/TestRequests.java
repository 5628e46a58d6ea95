package com.postwarden.smtp.relay;

import com.postwarden.smtp.spool.MessageContent;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small messages and requests for relay tests. */
final class TestRequests {
    static final String SENDER = "sender@example.org";
    static final String TEXT = "From: sender@example.org\r\nTo: rcpt@example.com\r\nSubject: test\r\n\r\nHello.\r\n";

    private TestRequests() {
    }

    static RelayRequest to(String... recipients) {
        return request(TEXT, recipients);
    }

    static RelayRequest request(String content, String... recipients) {
        return request(content.getBytes(StandardCharsets.UTF_8), recipients);
    }

    static RelayRequest request(byte[] content, String... recipients) {
        return new RelayRequest(SENDER, List.of(recipients), MessageContent.of(content), false);
    }
}
