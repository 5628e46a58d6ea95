package com.postwarden.cli.spam;

import com.postwarden.cli.StoredTokens;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.storage.Database;
import com.postwarden.storage.DatabaseSettings;
import com.postwarden.storage.TokenCountRepository;

/**
 * The classifier's counts in the gateway's database, opened by a command. The embedded database admits one
 * process: while the daemon runs it holds it, and the command says so instead of waiting.
 */
final class TokenDatabase implements AutoCloseable {
    private final Database database;
    private final StoredTokens tokens;

    private TokenDatabase(Database database) {
        this.database = database;
        this.tokens = new StoredTokens(new TokenCountRepository(database.dataSource()));
    }

    /** @throws IllegalStateException naming the database and the cause when it cannot be opened */
    static TokenDatabase open(GatewayConfig config) {
        DatabaseSettings settings = DatabaseSettings.embedded(config.databaseDir());
        try {
            return new TokenDatabase(Database.open(settings));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the database under " + config.databaseDir()
                    + " (is the daemon running? it holds the embedded database): " + rootMessage(e), e);
        }
    }

    StoredTokens tokens() {
        return tokens;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        database.close();
    }
}
