package com.postwarden.spam.bayes;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.message.MessageReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The TRAIN part of the SpamAssassin public corpus as exported by {@code bench/spam/get-corpus.sh}: only
 * {@code eml/train/{spam,ham}} is ever read. Its directory is the system property {@code postwarden.spamcorpus}
 * (default {@code /tmp/spamcorpus/eml}); a missing corpus fails the test that needs it with the way to get it.
 */
final class TrainCorpus {
    private static final MessageReader READER = new MessageReader();
    static final Path ROOT = Path.of(System.getProperty("postwarden.spamcorpus", "/tmp/spamcorpus/eml"));

    private TrainCorpus() {
    }

    record Example(Label label, String name, SpamMessage message) {
    }

    static List<Path> files(Label label) {
        Path dir = ROOT.resolve("train").resolve(label == Label.SPAM ? "spam" : "ham");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The training corpus is missing: " + dir
                    + " — export it with bench/spam/get-corpus.sh DIR and pass -Dpostwarden.spamcorpus=DIR/eml");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> examples(Label label) {
        return files(label).stream()
                .map(p -> new Example(label, p.getFileName().toString(), READER.read(readAllBytes(p), Envelope.NONE)))
                .toList();
    }

    private static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
