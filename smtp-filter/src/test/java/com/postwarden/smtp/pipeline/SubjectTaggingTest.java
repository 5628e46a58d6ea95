package com.postwarden.smtp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.smtp.spool.MessageContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubjectTaggingTest {

    private static String tagged(String message, String tag) throws IOException {
        MessageContent content = SubjectTagging.tag(MessageContent.of(message.getBytes(StandardCharsets.UTF_8)), tag);
        try (InputStream in = content.openStream()) {
            byte[] bytes = in.readAllBytes();
            assertThat(bytes).as("size() agrees with the stream").hasSize((int) content.size());
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTagGoesInFrontOfTheSubjectAndEveryOtherByteStays() throws IOException {
        String message = "From: a@example.net\r\nSubject: Cheap pills\r\nTo: b@example.com\r\n\r\nSubject: in the body\r\n";
        assertThat(tagged(message, "[SPAM] ")).isEqualTo(
                "From: a@example.net\r\nSubject: [SPAM] Cheap pills\r\nTo: b@example.com\r\n\r\nSubject: in the body\r\n");
    }

    @Test
    void aFoldedEncodedSubjectKeepsItsBytesAfterTheTag() throws IOException {
        String message = "SUBJECT:\t=?UTF-8?B?w4ljb25vbWll?=\r\n  suite\r\n\r\nbody\r\n";
        assertThat(tagged(message, "[SPAM] ")).isEqualTo("Subject: [SPAM] =?UTF-8?B?w4ljb25vbWll?=\r\n  suite\r\n\r\nbody\r\n");
    }

    @Test
    void aMessageWithoutASubjectGetsOneWithTheTag() throws IOException {
        assertThat(tagged("From: a@example.net\nTo: b@example.com\n\nhello\n", "[SPAM] "))
                .isEqualTo("From: a@example.net\nTo: b@example.com\nSubject: [SPAM]\n\nhello\n");
    }

    @Test
    void aTagThatIsNotAsciiIsAnEncodedWord() throws IOException {
        assertThat(tagged("Subject: offer\r\n\r\nx\r\n", "[SPÄM] "))
                .isEqualTo("Subject: =?UTF-8?B?W1NQw4RNXQ==?= offer\r\n\r\nx\r\n");
    }

    @Test
    void aMessageThatIsOnlyAHeaderIsTaggedToo() throws IOException {
        assertThat(tagged("Subject: hi\r\n", "[SPAM] ")).isEqualTo("Subject: [SPAM] hi\r\n");
    }
}
