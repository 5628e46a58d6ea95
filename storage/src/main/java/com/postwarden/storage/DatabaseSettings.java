package com.postwarden.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep.
 *
 * @param jdbcUrl         e.g. {@code jdbc:h2:file:/var/lib/postwarden/db/postwarden} or
 *                        {@code jdbc:postgresql://db/postwarden}
 * @param maximumPoolSize the most connections open at once
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize) {
    /** The file name, under the data directory, of the embedded database (H2 adds {@code .mv.db}). */
    public static final String EMBEDDED_NAME = "postwarden";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database.url must start with jdbc: — got " + jdbcUrl);
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("database.pool-size must be >= 1: " + maximumPoolSize);
        }
    }

    /** The default: an embedded H2 database in a file under {@code dataDirectory}. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolve(EMBEDDED_NAME);
        return new DatabaseSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "postwarden", "", 8);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}
