package com.postwarden.spam.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.HeaderField;
import com.postwarden.spam.SpamMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageReaderTest {
    private final MessageReader reader = new MessageReader();

    private SpamMessage read(String message) {
        return reader.read(message.getBytes(StandardCharsets.ISO_8859_1), Envelope.NONE);
    }

    @Test
    void headersAreUnfoldedAndEncodedWordsDecodedWhileTheRawValueStaysEncoded() {
        SpamMessage message = read("From: Alice <alice@example.org>\r\n"
                + "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n"
                + " and more\r\n"
                + "\r\n"
                + "Hello\r\n");

        assertThat(message.headers()).extracting(HeaderField::name).containsExactly("From", "Subject");
        HeaderField subject = message.headers().get(1);
        assertThat(subject.value()).isEqualTo("Grüße and more");
        assertThat(subject.rawValue()).isEqualTo("=?UTF-8?B?R3LDvMOfZQ==?= and more");
        assertThat(message.header("subject")).containsExactly("Grüße and more");
    }

    @Test
    void plainAndHtmlPartsBecomeTextWithScriptDroppedAndLinkTextKept() {
        SpamMessage message = read("From: a@example.org\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; charset=iso-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "Caf=E9 at www.example.com/menu.\r\n"
                + "--b1\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "\r\n"
                + "<html><head><style>p{}</style><script>var x='hidden';</script></head><body>"
                + "<p>Click <a href=\"http://evil.example.net/x\">here</a> now</p><div>Second block</div>"
                + "<img src=\"http://img.example.net/p.gif\"><form action=\"https://form.example.net/post\"></form>"
                + "</body></html>\r\n"
                + "--b1--\r\n");

        assertThat(message.text()).contains("Café at www.example.com/menu.")
                .contains("Click here now\nSecond block").doesNotContain("hidden").doesNotContain("p{}");
        assertThat(message.html()).contains("<a href=\"http://evil.example.net/x\">");
        assertThat(message.uris()).containsExactly("www.example.com/menu", "http://evil.example.net/x",
                "http://img.example.net/p.gif", "https://form.example.net/post");
        assertThat(message.rawBody()).startsWith("--b1\r\n").contains("Caf=E9");
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8WhenTheBytesAreUtf8() {
        byte[] raw = ("Content-Type: text/plain; charset=x-unknown-thing\r\n\r\nna\u00efve \u20ac\r\n")
                .getBytes(StandardCharsets.UTF_8);

        SpamMessage message = reader.read(raw, Envelope.NONE);

        assertThat(message.text()).contains("naïve €");
    }

    @Test
    void aHugeBodyIsCappedNotCopiedWhole() {
        MessageLimits small = new MessageLimits(10, 100, 5, 10_000, 1_000, 1_000, 2_000, 3, 50);
        String body = "word http://x.example/a ".repeat(100_000);
        SpamMessage message = new MessageReader(small)
                .read(("Subject: big\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII), Envelope.NONE);

        assertThat(message.text().length()).isLessThanOrEqualTo(1_000);
        assertThat(message.rawBody()).hasSize(2_000);
        assertThat(message.uris()).hasSizeLessThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n\r\n", "no header at all", "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n",
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64===\r\n",
            "Subject: =?utf-8?q?broken", "Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\ninner body"})
    void malformedMessagesAreReadWithoutThrowing(String raw) {
        SpamMessage message = read(raw);

        assertThat(message.raw()).hasSize(raw.length());
    }

    @Test
    void anEncapsulatedMessageContributesItsText() {
        SpamMessage message = read("Subject: outer\r\nContent-Type: message/rfc822\r\n\r\n"
                + "Subject: inner\r\n\r\ninner words\r\n");

        assertThat(message.header("subject")).containsExactly("outer");
        assertThat(message.text()).contains("inner words");
    }
}
