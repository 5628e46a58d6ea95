package com.postwarden.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The token counts of a two-class learner (the spam classifier) in the database: generic rows of token, spam
 * count, ham count and last sighting, the totals, and the digests of counted messages. It knows nothing of how
 * tokens are made or used; the server adapts it to the classifier's store interface, so that storage and the
 * engines stay independent of each other.
 *
 * <p>{@link #find} is one query (one round trip) for up to {@link #MAX_TOKENS_PER_QUERY} tokens and the totals.
 * {@link #add} and {@link #remove} are each one transaction that first locks the totals row, so concurrent
 * learners (threads or processes) are serialized: learning is rare next to lookups, and the lock makes the
 * update-then-insert of new tokens race-free without vendor upsert syntax. Thread-safe.
 */
public final class TokenCountRepository {
    /** Tokens per {@code IN} list; more tokens take one more query per this many (PostgreSQL allows 32,767 parameters). */
    public static final int MAX_TOKENS_PER_QUERY = 10_000;
    /** The longest token stored (the column's width); longer tokens are rejected. */
    public static final int MAX_TOKEN_LENGTH = 200;

    private final DataSource dataSource;

    public TokenCountRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The totals and the rows of the known tokens among {@code tokens}. */
    public CountsSnapshot find(Set<String> tokens) {
        List<String> all = new ArrayList<>(tokens);
        Map<String, StoredCounts> counts = new HashMap<>();
        StoredTotals totals = null;
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size() || totals == null; from += MAX_TOKENS_PER_QUERY) {
                List<String> chunk = all.subList(Math.min(from, all.size()),
                        Math.min(from + MAX_TOKENS_PER_QUERY, all.size()));
                StoredTotals t = findChunk(c, chunk, counts);
                totals = totals == null ? t : totals;
            }
        } catch (SQLException e) {
            throw new StorageException("token lookup failed", e);
        }
        return new CountsSnapshot(totals, counts);
    }

    private static StoredTotals findChunk(Connection c, List<String> tokens, Map<String, StoredCounts> into)
            throws SQLException {
        String sql = (tokens.isEmpty() ? ""
                : "SELECT token, spam_count, ham_count, last_seen FROM token_counts WHERE token IN ("
                + String.join(",", Collections.nCopies(tokens.size(), "?")) + ") UNION ALL ")
                + "SELECT NULL, spam_messages, ham_messages, NULL FROM token_totals WHERE id = 1";
        StoredTotals totals = new StoredTotals(0, 0);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < tokens.size(); i++) {
                ps.setString(i + 1, tokens.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String token = rs.getString(1);
                    if (token == null) {
                        totals = new StoredTotals(rs.getLong(2), rs.getLong(3));
                    } else {
                        into.put(token, new StoredCounts(rs.getLong(2), rs.getLong(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
            }
        }
        return totals;
    }

    /** The totals alone. */
    public StoredTotals totals() {
        return find(Set.of()).totals();
    }

    /** The class a message digest was counted for, if it was. */
    public Optional<TokenClass> classOf(String digest) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT token_class FROM learned_messages WHERE digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TokenClass.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("message lookup failed", e);
        }
    }

    /**
     * Counts a message's tokens for {@code tokenClass}, once per digest; a digest counted for the other class
     * moves. Atomic.
     */
    public CountChange add(String digest, TokenClass tokenClass, Set<String> tokens, Instant now) {
        Objects.requireNonNull(tokenClass, "tokenClass");
        checkTokens(tokens);
        return inTransaction(c -> {
            StoredTotals totals = lockTotals(c);
            Optional<TokenClass> before = classOf(c, digest);
            if (before.isPresent() && before.get() == tokenClass) {
                return CountChange.UNCHANGED;
            }
            if (before.isPresent()) {
                totals = TokenRows.apply(c, tokens, before.get(), -1, now, totals);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE learned_messages SET token_class = ?, learned_at = ? WHERE digest = ?")) {
                    ps.setString(1, tokenClass.name());
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setString(3, digest);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO learned_messages (digest, token_class, learned_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, digest);
                    ps.setString(2, tokenClass.name());
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
            totals = TokenRows.apply(c, tokens, tokenClass, +1, now, totals);
            TokenRows.saveTotals(c, totals);
            return before.isPresent() ? CountChange.MOVED : CountChange.ADDED;
        });
    }

    /** Removes a counted message's counts. Atomic. */
    public CountChange remove(String digest, Set<String> tokens) {
        checkTokens(tokens);
        return inTransaction(c -> {
            StoredTotals totals = lockTotals(c);
            Optional<TokenClass> before = classOf(c, digest);
            if (before.isEmpty()) {
                return CountChange.ABSENT;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM learned_messages WHERE digest = ?")) {
                ps.setString(1, digest);
                ps.executeUpdate();
            }
            TokenRows.saveTotals(c, TokenRows.apply(c, tokens, before.get(), -1, null, totals));
            return CountChange.REMOVED;
        });
    }

    private static void checkTokens(Set<String> tokens) {
        for (String t : tokens) {
            if (t.length() > MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("token longer than " + MAX_TOKEN_LENGTH + " chars: "
                        + t.substring(0, 40) + "...");
            }
        }
    }

    private static StoredTotals lockTotals(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT spam_messages, ham_messages FROM token_totals WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("token_totals has no row 1: the schema was not migrated");
            }
            return new StoredTotals(rs.getLong(1), rs.getLong(2));
        }
    }

    private static Optional<TokenClass> classOf(Connection c, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT token_class FROM learned_messages WHERE digest = ?")) {
            ps.setString(1, Objects.requireNonNull(digest, "digest"));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TokenClass.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("learning failed; nothing was changed", e);
        }
    }
}
