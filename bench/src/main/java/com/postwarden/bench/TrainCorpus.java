package com.postwarden.bench;

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
 * {@code eml/train/{spam,ham}} is ever read here (TEST is held out). Its directory is the system property
 * {@code postwarden.spamcorpus} (default {@code /tmp/spamcorpus/eml}); a missing corpus stops the tool with the
 * way to get it.
 */
public final class TrainCorpus {
    private static final Path ROOT = Path.of(System.getProperty("postwarden.spamcorpus", "/tmp/spamcorpus/eml"));
    private static final MessageReader READER = new MessageReader();

    private TrainCorpus() {
    }

    /** The training messages of one class ({@code spam} or {@code ham}), in name order. */
    public static List<Path> files(String kind) {
        Path directory = ROOT.resolve("train").resolve(kind);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the training corpus is missing at " + directory + ": export it with"
                    + " bench/spam/get-corpus.sh DIR and pass -Dpostwarden.spamcorpus=DIR/eml");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message read by the product's own reader, as the gateway would. */
    public static SpamMessage read(Path file) {
        try {
            return READER.read(Files.readAllBytes(file), Envelope.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
