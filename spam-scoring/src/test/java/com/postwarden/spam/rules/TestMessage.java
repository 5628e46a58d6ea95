package com.postwarden.spam.rules;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.message.MessageReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds real messages for rule tests: header fields, then a plain or HTML body, read by the real reader. */
final class TestMessage {
    private final List<String> headers = new ArrayList<>();
    private String contentType = "text/plain; charset=utf-8";
    private String body = "Hello,\r\nsee you tomorrow.\r\n";

    static TestMessage builder() {
        return new TestMessage()
                .header("From", "Alice <alice@example.org>")
                .header("To", "bob@example.net")
                .header("Subject", "Lunch")
                .header("Date", "Sun, 22 Nov 2026 10:00:00 +0000")
                .header("Message-ID", "<20261122100000.1234@mail.example.org>");
    }

    TestMessage header(String name, String value) {
        headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        headers.add(name + ": " + value);
        return this;
    }

    TestMessage without(String name) {
        headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        return this;
    }

    TestMessage text(String text) {
        this.contentType = "text/plain; charset=utf-8";
        this.body = text;
        return this;
    }

    TestMessage html(String html) {
        this.contentType = "text/html; charset=utf-8";
        this.body = html;
        return this;
    }

    String raw() {
        StringBuilder raw = new StringBuilder();
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("MIME-Version: 1.0\r\nContent-Type: ").append(contentType).append("\r\n\r\n").append(body);
        return raw.toString();
    }

    SpamMessage build() {
        return new MessageReader().read(raw().getBytes(StandardCharsets.UTF_8), Envelope.NONE);
    }
}
