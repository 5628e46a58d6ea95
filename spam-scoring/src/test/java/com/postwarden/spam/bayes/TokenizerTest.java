package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static final String MESSAGE = String.join("\r\n",
            "Received: from mail.example.net (mail.example.net [192.0.2.17])",
            "\tby mx.example.org (Postfix) with ESMTP id 1234",
            "From: \"Cheap Pills\" <offers@pharma.example.co.uk>",
            "To: alice@example.org, bob@example.org",
            "Subject: =?UTF-8?Q?Gro=C3=9Fe_Rabatte?= FREE offer!!",
            "Date: Wed, 21 Aug 2002 20:31:57 -1600",
            "Message-ID: <abc@mailer.example.net>",
            "X-Mailer: Mass Mailer 5.0",
            "X-Spam-Status: Yes, score=99",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<html><body><p>Buy <b>CHEAP</b> meds now: <a href=\"http://www.shop.example.com/buy/now.php?id=7\">here",
            "</a> supercalifragilisticexpialidocious 12345678901 write to sales@pharma.example.co.uk</p></body></html>",
            "--b",
            "Content-Type: application/octet-stream; name=\"invoice.exe\"",
            "Content-Transfer-Encoding: base64",
            "",
            "TVqQAAMAAAAEAAAA",
            "--b--",
            "");

    private final Set<String> tokens = new Tokenizer().tokens(RawMessages.parse(MESSAGE));

    @Test
    void bodyWordsAreLowerCasedAndStrippedOfSurroundingPunctuation() {
        assertThat(tokens).contains("buy", "cheap", "meds", "now", "here");
    }

    @Test
    void longWordsBecomeShapeTokensAndLongNumbersTheirLength() {
        assertThat(tokens).contains("skip:s 30", "num:11").doesNotContain("supercalifragilisticexpialidocious");
    }

    @Test
    void emailAddressesInTheTextKeepTheirParts() {
        assertThat(tokens).contains("email name:sales", "email addr:pharma.example.co.uk");
    }

    @Test
    void subjectWordsAreDecodedAndPrefixedByTheirField() {
        assertThat(tokens).contains("Subject:große", "Subject:rabatte", "Subject:free", "Subject:offer!!");
    }

    @Test
    void addressFieldsGiveAddressDomainDisplayNameAndRecipientCount() {
        assertThat(tokens).contains("From:addr:offers@pharma.example.co.uk", "From:domain:pharma.example.co.uk",
                "From:name:cheap", "From:name:pills", "To:count:2", "To:domain:example.org");
    }

    @Test
    void receivedFieldsGiveRelayHostsAndNetworks() {
        assertThat(tokens).contains("Received:host:mail.example.net", "Received:domain:example.net",
                "Received:ip:192.0", "Received:ip:192.0.2");
    }

    @Test
    void otherHeaderFieldsGiveMailerContentTypeZoneMessageIdDomainAndFieldNames() {
        assertThat(tokens).contains("X-Mailer:mass mailer 5.0", "Content-Type:multipart/mixed", "Date:zone:-1600",
                "Message-ID:mailer.example.net", "hdr:x-mailer", "hdr:mime-version");
    }

    @Test
    void anEarlierFiltersVerdictIsNotATokenSource() {
        assertThat(tokens).noneMatch(t -> t.contains("x-spam") || t.contains("score=99"));
    }

    @Test
    void uriGivesHostRegistrableDomainAndPathWords() {
        assertThat(tokens).contains("url:scheme:http", "url:host:www.shop.example.com", "url:domain:example.com",
                "url:path:buy", "url:path:now", "url:path:php", "url:path:id");
    }

    @Test
    void shapeTokensNameHtmlTagsPartTypesAndAttachmentExtensions() {
        assertThat(tokens).contains("html:a", "html:b", "part:text/html", "part:application/octet-stream",
                "attach:exe", "syn:has-html");
    }

    @Test
    void aMessageOfOnlyHtmlIsMarkedSo() {
        SpamMessage m = RawMessages.parse("Subject: x\r\nContent-Type: text/html\r\n\r\n<p>hello there</p>\r\n");
        assertThat(new Tokenizer().tokens(m)).contains("syn:html-only", "hello", "there");
    }

    @Test
    void theSameMessageAlwaysGivesTheSameTokens() {
        assertThat(new Tokenizer().tokens(RawMessages.parse(MESSAGE))).containsExactlyElementsOf(tokens);
    }

    @Test
    void aHugeTextIsCutAtTheTokenLimit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("word").append(i).append(' ');
        }
        SpamMessage huge = new SpamMessage(List.of(), text.toString(), "", "", List.of(),
                text.toString().getBytes(StandardCharsets.UTF_8), Envelope.NONE);
        assertThat(new Tokenizer().tokens(huge)).hasSize(Tokenizer.MAX_TOKENS);
    }

    @Test
    void anEmptyMessageStillGivesItsShapeAndNoWord() {
        SpamMessage empty = new SpamMessage(List.of(), "", "", "", List.of(), new byte[0], Envelope.NONE);
        assertThat(new Tokenizer().tokens(empty)).contains("syn:no-text", "url:count:0")
                .allMatch(t -> t.contains(":"));
    }
}
