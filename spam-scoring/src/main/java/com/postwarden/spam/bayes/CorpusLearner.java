package com.postwarden.spam.bayes;

import com.postwarden.spam.SpamMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Learns every message of a {@link MailSource} as one class: what {@code postwarden spam learn --spam|--ham}
 * runs. Messages are read by the given MIME reader; an entry that cannot be read or parsed is listed in the
 * report and learning goes on.
 */
public final class CorpusLearner {
    private final BayesLearner learner;
    private final Function<byte[], SpamMessage> reader;

    /** @param reader turns raw bytes into the message model (the gateway's MIME reader) */
    public CorpusLearner(BayesLearner learner, Function<byte[], SpamMessage> reader) {
        this.learner = Objects.requireNonNull(learner, "learner");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * What one run did.
     *
     * @param outcomes how many messages had each outcome
     * @param skipped  the entries not learned, with the reason
     */
    public record Report(Map<LearnOutcome, Integer> outcomes, List<MailItem.Unreadable> skipped) {
        public Report {
            outcomes = Map.copyOf(outcomes);
            skipped = List.copyOf(skipped);
        }

        public int count(LearnOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    public Report learn(MailSource source, Label label) throws IOException {
        Map<LearnOutcome, Integer> outcomes = new EnumMap<>(LearnOutcome.class);
        List<MailItem.Unreadable> skipped = new ArrayList<>();
        Optional<MailItem> next;
        while ((next = source.next()).isPresent()) {
            MailItem item = next.get();
            if (item instanceof MailItem.Unreadable unreadable) {
                skipped.add(unreadable);
                continue;
            }
            MailItem.Message m = (MailItem.Message) item;
            try {
                outcomes.merge(learner.learn(reader.apply(m.raw()), label), 1, Integer::sum);
            } catch (RuntimeException e) {
                skipped.add(new MailItem.Unreadable(m.origin(), "not learned: " + e.getMessage()));
            }
        }
        return new Report(outcomes, skipped);
    }
}
