package com.postwarden.cli;

import com.postwarden.spam.bayes.CorpusTotals;
import com.postwarden.spam.bayes.Label;
import com.postwarden.spam.bayes.LearnOutcome;
import com.postwarden.spam.bayes.TokenCounts;
import com.postwarden.spam.bayes.TokenLookup;
import com.postwarden.spam.bayes.TokenStore;
import com.postwarden.storage.CountChange;
import com.postwarden.storage.CountsSnapshot;
import com.postwarden.storage.StoredCounts;
import com.postwarden.storage.StoredTotals;
import com.postwarden.storage.TokenClass;
import com.postwarden.storage.TokenCountRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The classifier's token store on the gateway's database: the spam-scoring engine and the storage module know
 * nothing of each other, and this is where they meet. Thread-safe, as the repository is.
 */
public final class StoredTokens implements TokenStore {
    private final TokenCountRepository repository;

    public StoredTokens(TokenCountRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public TokenLookup lookup(Set<String> tokens) {
        CountsSnapshot snapshot = repository.find(tokens);
        Map<String, TokenCounts> counts = new HashMap<>(snapshot.counts().size() * 2);
        for (Map.Entry<String, StoredCounts> entry : snapshot.counts().entrySet()) {
            StoredCounts stored = entry.getValue();
            counts.put(entry.getKey(), new TokenCounts(stored.spam(), stored.ham(), stored.lastSeen()));
        }
        return new TokenLookup(totals(snapshot.totals()), counts);
    }

    @Override
    public CorpusTotals totals() {
        return totals(repository.totals());
    }

    @Override
    public LearnOutcome learn(String digest, Label label, Set<String> tokens, Instant now) {
        return outcome(repository.add(digest, label == Label.SPAM ? TokenClass.SPAM : TokenClass.HAM, tokens, now));
    }

    @Override
    public LearnOutcome unlearn(String digest, Set<String> tokens) {
        return outcome(repository.remove(digest, tokens));
    }

    @Override
    public Optional<Label> learnedAs(String digest) {
        return repository.classOf(digest).map(c -> c == TokenClass.SPAM ? Label.SPAM : Label.HAM);
    }

    private static CorpusTotals totals(StoredTotals totals) {
        return new CorpusTotals(totals.spam(), totals.ham());
    }

    private static LearnOutcome outcome(CountChange change) {
        return switch (change) {
            case ADDED -> LearnOutcome.LEARNED;
            case MOVED -> LearnOutcome.RELEARNED;
            case UNCHANGED -> LearnOutcome.ALREADY_LEARNED;
            case REMOVED -> LearnOutcome.UNLEARNED;
            case ABSENT -> LearnOutcome.NOT_LEARNED;
        };
    }
}
