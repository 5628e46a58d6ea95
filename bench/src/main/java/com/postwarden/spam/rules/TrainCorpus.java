package com.postwarden.spam.rules;

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
 * The training half of the SpamAssassin public corpus, exported by the project's bench script (only ever the
 * {@code train} part: the {@code test} part is held out). Tests that need it fail when it is missing.
 */
final class TrainCorpus {
    static final Path ROOT = Path.of(System.getProperty("postwarden.spam.train", "/tmp/spamcorpus/eml/train"));
    private static final MessageReader READER = new MessageReader();

    private TrainCorpus() {
    }

    /** The messages of one class ({@code spam} or {@code ham}), in name order. */
    static List<Path> files(String kind) {
        Path directory = ROOT.resolve(kind);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the training corpus is missing at " + directory
                    + " (create it with shared/bench/spam/get-corpus.sh)");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpamMessage read(Path file) {
        try {
            return READER.read(Files.readAllBytes(file), Envelope.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
