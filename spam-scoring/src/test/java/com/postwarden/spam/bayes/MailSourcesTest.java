package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSourcesTest {
    private static final String MBOX = """
            From alice@example.org Mon Jan  1 00:00:00 2024
            Subject: one
            
            first body
            >From the start, escaped
            >>From twice escaped
            > From is not an escape
            
            From bob@example.org Mon Jan  1 00:00:01 2024
            Subject: two
            
            second body
            
            From carol@example.org Mon Jan  1 00:00:02 2024
            Subject: three
            
            cut in the mid""";

    @TempDir
    Path dir;

    @Test
    void anMboxIsSplitAtFromLinesWithEscapesUndoneAndATruncatedLastMessageKept() throws IOException {
        Path box = write("box.mbox", MBOX);

        List<MailItem> items = readAll(List.of(box), MailSources.DEFAULT_MAX_MESSAGE_BYTES);

        assertThat(items).extracting(MailItem::origin)
                .containsExactly(box + "#1", box + "#2", box + "#3");
        assertThat(text(items.get(0))).isEqualTo("Subject: one\n\nfirst body\nFrom the start, escaped\n"
                + ">From twice escaped\n> From is not an escape\n");
        assertThat(text(items.get(1))).isEqualTo("Subject: two\n\nsecond body\n");
        assertThat(text(items.get(2))).isEqualTo("Subject: three\n\ncut in the mid");
    }

    @Test
    void anMboxWithCrlfLineEndsKeepsThem() throws IOException {
        Path box = write("crlf.mbox", "From a Mon\r\nSubject: x\r\n\r\nbody\r\n\r\nFrom b Tue\r\nSubject: y\r\n");
        List<MailItem> items = readAll(List.of(box), 1 << 20);
        assertThat(items).extracting(this::text).containsExactly("Subject: x\r\n\r\nbody\r\n", "Subject: y\r\n");
    }

    @Test
    void aMessageOverTheLimitIsReportedAndTheNextOneStillRead() throws IOException {
        Path box = write("big.mbox", "From a\nSubject: big\n\n" + "x".repeat(500) + "\n\nFrom b\nSubject: small\n");

        List<MailItem> items = readAll(List.of(box), 100);

        assertThat(items.get(0)).isEqualTo(new MailItem.Unreadable(box + "#1", "larger than 100 bytes"));
        assertThat(text(items.get(1))).isEqualTo("Subject: small\n");
    }

    @Test
    void aMaildirGivesTheMessagesOfCurAndNewButNotTmp() throws IOException {
        Path maildir = dir.resolve("Maildir");
        write("Maildir/cur/1.host:2,S", "Subject: seen\n\nx\n");
        write("Maildir/new/2.host", "Subject: new\n\ny\n");
        write("Maildir/tmp/3.host", "Subject: being delivered\n\nz\n");

        assertThat(readAll(List.of(maildir), 1 << 20)).extracting(this::text)
                .containsExactly("Subject: seen\n\nx\n", "Subject: new\n\ny\n");
    }

    @Test
    void aDirectoryIsReadRecursivelyInNameOrderSkippingHiddenFilesAndOpeningMboxesInside() throws IOException {
        write("d/b.eml", "Subject: b\n\n");
        write("d/a/inner.eml", "Subject: inner\n\n");
        write("d/.hidden", "Subject: hidden\n\n");
        write("d/c.mbox", "From x\nSubject: c1\n\nFrom y\nSubject: c2\n");

        assertThat(readAll(List.of(dir.resolve("d")), 1 << 20)).extracting(this::text)
                .containsExactly("Subject: inner\n\n", "Subject: b\n\n", "Subject: c1\n", "Subject: c2\n");
    }

    @Test
    void aMissingPathIsReportedAndTheOthersAreStillRead() throws IOException {
        Path one = write("one.eml", "Subject: one\n\n");
        Path missing = dir.resolve("missing.eml");

        List<MailItem> items = readAll(List.of(missing, one), 1 << 20);

        assertThat(items.get(0)).isEqualTo(new MailItem.Unreadable(missing.toString(), "no such file or directory"));
        assertThat(text(items.get(1))).isEqualTo("Subject: one\n\n");
    }

    @Test
    void aCorpusLearnerLearnsEveryReadableMessageOnceAndReportsTheRest() throws IOException {
        write("mail/1.eml", "Subject: cheap pills\nMessage-ID: <1@x>\n\nbuy now\n");
        write("mail/2.mbox", "From a\nSubject: casino\nMessage-ID: <2@x>\n\nwin big\n\n"
                + "From b\nSubject: cheap pills\nMessage-ID: <1@x>\n\nbuy now\n");
        InMemoryTokenStore store = new InMemoryTokenStore();
        CorpusLearner learner = new CorpusLearner(new BayesLearner(store, new Tokenizer(), Clock.systemUTC(),
                AutolearnPolicy.OFF), RawMessages::parse);

        CorpusLearner.Report report;
        try (MailSource source = MailSources.open(List.of(dir.resolve("mail"), dir.resolve("nope")), 1 << 20)) {
            report = learner.learn(source, Label.SPAM);
        }

        assertThat(report.count(LearnOutcome.LEARNED)).isEqualTo(2);
        assertThat(report.count(LearnOutcome.ALREADY_LEARNED)).isEqualTo(1);
        assertThat(report.skipped()).extracting(MailItem::origin).containsExactly(dir.resolve("nope").toString());
        assertThat(store.totals()).isEqualTo(new CorpusTotals(2, 0));
    }

    @Test
    void theMboxReaderReadsFromAnyStream() throws IOException {
        MboxReader reader = new MboxReader(new ByteArrayInputStream("junk\nFrom a\nX: 1\n".getBytes(
                StandardCharsets.ISO_8859_1)), "s", 1 << 20);
        assertThat(reader.next()).map(this::text).contains("X: 1\n");
        assertThat(reader.next()).isEmpty();
        assertThat(reader.next()).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.ISO_8859_1);
        return p;
    }

    private static List<MailItem> readAll(List<Path> paths, long max) throws IOException {
        List<MailItem> items = new ArrayList<>();
        try (MailSource source = MailSources.open(paths, max)) {
            Optional<MailItem> item;
            while ((item = source.next()).isPresent()) {
                items.add(item.get());
            }
        }
        return items;
    }

    private String text(MailItem item) {
        assertThat(item).isInstanceOf(MailItem.Message.class);
        return new String(((MailItem.Message) item).raw(), StandardCharsets.ISO_8859_1);
    }
}
