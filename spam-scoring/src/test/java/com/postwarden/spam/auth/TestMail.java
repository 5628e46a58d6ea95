package com.postwarden.spam.auth;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.HeaderField;
import com.postwarden.spam.SpamMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.jdkim.DKIMSigner;

/** Test mail built as raw bytes, optionally DKIM-signed with the test key, and its {@link SpamMessage} view. */
final class TestMail {
    private final List<String[]> headers = new ArrayList<>();
    private String body = "Hello,\r\nthe statement is attached.\r\n";
    private final List<String> uris = new ArrayList<>();

    static TestMail from(String from) {
        TestMail mail = new TestMail();
        mail.header("From", from).header("To", "bob@postwarden.test").header("Subject", "Your statement")
                .header("Date", "Sun, 22 Nov 2026 10:00:00 +0000").header("Message-ID", "<1@test>");
        return mail;
    }

    TestMail header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    TestMail body(String newBody) {
        this.body = newBody;
        return this;
    }

    TestMail uri(String uri) {
        uris.add(uri);
        return this;
    }

    String raw() {
        StringBuilder text = new StringBuilder();
        for (String[] header : headers) {
            text.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        return text.append("\r\n").append(body).toString();
    }

    /** The message with a DKIM-Signature for {@code domain} and {@code selector} added on top. */
    String signed(String domain, String selector, PrivateKey key) throws Exception {
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=from:to:subject:date:message-id; bh=; b=;";
        String raw = raw();
        String signature = new DKIMSigner(template, key).sign(new ByteArrayInputStream(
                raw.getBytes(StandardCharsets.US_ASCII)));
        return signature + "\r\n" + raw;
    }

    static SpamMessage message(String raw, com.postwarden.spam.Envelope envelope, List<String> uris) {
        List<HeaderField> fields = new ArrayList<>();
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        for (String line : head.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            int colon = line.indexOf(':');
            String value = line.substring(colon + 1).trim();
            fields.add(new HeaderField(line.substring(0, colon), value, value));
        }
        String rawBody = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        return new SpamMessage(fields, rawBody, "", rawBody, uris, raw.getBytes(StandardCharsets.US_ASCII),
                envelope);
    }

    SpamMessage message(Envelope envelope) {
        return message(raw(), envelope, uris);
    }

    SpamMessage signedMessage(String domain, String selector, PrivateKey key, Envelope envelope) throws Exception {
        return message(signed(domain, selector, key), envelope, uris);
    }
}
