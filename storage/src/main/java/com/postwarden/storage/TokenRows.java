package com.postwarden.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The row updates of one learn or unlearn, inside the caller's transaction (which holds the totals lock). */
final class TokenRows {
    private TokenRows() {
    }

    /**
     * Adds {@code delta} to every token's count of {@code tokenClass} (a null {@code now} keeps the last
     * sighting), inserts rows for new tokens when adding, deletes rows whose counts reach zero when removing;
     * returns the totals changed by the same delta.
     */
    static StoredTotals apply(Connection c, Set<String> tokens, TokenClass tokenClass, int delta, Instant now,
                              StoredTotals totals) throws SQLException {
        String column = tokenClass == TokenClass.SPAM ? "spam_count" : "ham_count";
        List<String> list = new ArrayList<>(tokens);
        String update = "UPDATE token_counts SET " + column + " = " + column + " + ?"
                + (now != null ? ", last_seen = ?" : "") + " WHERE token = ?";
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (String token : list) {
                int i = 1;
                ps.setLong(i++, delta);
                if (now != null) {
                    ps.setTimestamp(i++, Timestamp.from(now));
                }
                ps.setString(i, token);
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        if (delta > 0) {
            insertMissing(c, list, updated, tokenClass, delta, now);
        } else {
            deleteEmpty(c, list);
        }
        long spam = totals.spam() + (tokenClass == TokenClass.SPAM ? delta : 0);
        long ham = totals.ham() + (tokenClass == TokenClass.HAM ? delta : 0);
        return new StoredTotals(Math.max(0, spam), Math.max(0, ham));
    }

    private static void insertMissing(Connection c, List<String> tokens, int[] updated, TokenClass tokenClass,
                                      int delta, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO token_counts (token, spam_count, ham_count, last_seen) VALUES (?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < tokens.size(); i++) {
                if (updated[i] == 0) {
                    ps.setString(1, tokens.get(i));
                    ps.setLong(2, tokenClass == TokenClass.SPAM ? delta : 0);
                    ps.setLong(3, tokenClass == TokenClass.HAM ? delta : 0);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.addBatch();
                    any = true;
                } else if (updated[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver does not report batch update counts");
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static void deleteEmpty(Connection c, List<String> tokens) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM token_counts WHERE token = ? AND spam_count <= 0 AND ham_count <= 0")) {
            for (String token : tokens) {
                ps.setString(1, token);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void saveTotals(Connection c, StoredTotals totals) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE token_totals SET spam_messages = ?, ham_messages = ? WHERE id = 1")) {
            ps.setLong(1, totals.spam());
            ps.setLong(2, totals.ham());
            ps.executeUpdate();
        }
    }
}
