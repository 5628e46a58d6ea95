package com.postwarden.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One body for each database configuration: the embedded H2 file, and H2 speaking PostgreSQL's dialect. */
class TokenCountRepositoryTest {
    private static final Instant T1 = Instant.parse("2024-06-01T10:00:00Z");
    private static final Instant T2 = T1.plus(1, ChronoUnit.DAYS);

    @TempDir
    Path dir;

    static Stream<Arguments> databases() {
        Function<Path, DatabaseSettings> embedded = DatabaseSettings::embedded;
        Function<Path, DatabaseSettings> pgMode = d -> new DatabaseSettings("jdbc:h2:file:" + d.resolve("pg")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 4);
        return Stream.of(Arguments.of("embedded H2 file", embedded), Arguments.of("H2 in PostgreSQL mode", pgMode));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEmptyDirectoryIsMigratedToAnEmptyStoreAndReopeningKeepsTheData(String name,
                                                                         Function<Path, DatabaseSettings> settings)
            throws Exception {
        try (Database db = Database.open(settings.apply(dir))) {
            TokenCountRepository repo = new TokenCountRepository(db.dataSource());
            assertThat(repo.totals()).isEqualTo(new StoredTotals(0, 0));
            assertThat(appliedMigrations(db)).containsExactly("1");
            repo.add("d1", TokenClass.SPAM, Set.of("a"), T1);
        }
        try (Database db = Database.open(settings.apply(dir))) {
            assertThat(appliedMigrations(db)).containsExactly("1");
            assertThat(new TokenCountRepository(db.dataSource()).totals()).isEqualTo(new StoredTotals(1, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsRoundTripThroughLearnRelearnAndUnlearn(String name, Function<Path, DatabaseSettings> settings) {
        try (Database db = Database.open(settings.apply(dir))) {
            TokenCountRepository repo = new TokenCountRepository(db.dataSource());

            assertThat(repo.add("d1", TokenClass.SPAM, Set.of("cheap", "pills"), T1)).isEqualTo(CountChange.ADDED);
            assertThat(repo.add("d2", TokenClass.HAM, Set.of("cheap", "meeting"), T2)).isEqualTo(CountChange.ADDED);
            assertThat(repo.add("d1", TokenClass.SPAM, Set.of("cheap", "pills"), T2))
                    .isEqualTo(CountChange.UNCHANGED);

            CountsSnapshot s = repo.find(Set.of("cheap", "pills", "meeting", "unknown"));
            assertThat(s.totals()).isEqualTo(new StoredTotals(1, 1));
            assertThat(s.counts()).containsOnlyKeys("cheap", "pills", "meeting")
                    .containsEntry("cheap", new StoredCounts(1, 1, T2))
                    .containsEntry("pills", new StoredCounts(1, 0, T1));
            assertThat(repo.classOf("d1")).contains(TokenClass.SPAM);

            assertThat(repo.add("d2", TokenClass.SPAM, Set.of("cheap", "meeting"), T2)).isEqualTo(CountChange.MOVED);
            assertThat(repo.find(Set.of("cheap")).counts()).containsEntry("cheap", new StoredCounts(2, 0, T2));
            assertThat(repo.totals()).isEqualTo(new StoredTotals(2, 0));

            assertThat(repo.remove("d2", Set.of("cheap", "meeting"))).isEqualTo(CountChange.REMOVED);
            assertThat(repo.remove("d2", Set.of("cheap", "meeting"))).isEqualTo(CountChange.ABSENT);
            s = repo.find(Set.of("cheap", "pills", "meeting"));
            assertThat(s.counts()).containsOnlyKeys("cheap", "pills")
                    .containsEntry("cheap", new StoredCounts(1, 0, T2));
            assertThat(s.totals()).isEqualTo(new StoredTotals(1, 0));
            assertThat(repo.classOf("d2")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lookupsOfManyTokensAndOfNoneAnswer(String name, Function<Path, DatabaseSettings> settings) {
        try (Database db = Database.open(settings.apply(dir))) {
            TokenCountRepository repo = new TokenCountRepository(db.dataSource());
            Set<String> many = new HashSet<>();
            for (int i = 0; i < TokenCountRepository.MAX_TOKENS_PER_QUERY + 5; i++) {
                many.add("t" + i);
            }
            repo.add("d", TokenClass.HAM, many, T1);

            assertThat(repo.find(many).counts()).hasSize(many.size());
            assertThat(repo.find(Set.of()).totals()).isEqualTo(new StoredTotals(0, 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTokenTooLongIsRejectedAndChangesNothing(String name, Function<Path, DatabaseSettings> settings) {
        try (Database db = Database.open(settings.apply(dir))) {
            TokenCountRepository repo = new TokenCountRepository(db.dataSource());
            assertThatThrownBy(() -> repo.add("d", TokenClass.SPAM, Set.of("x".repeat(201)), T1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 200");
            assertThat(repo.totals()).isEqualTo(new StoredTotals(0, 0));
            assertThat(repo.classOf("d")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentLearnersOfOverlappingMessagesLoseNoCount(String name, Function<Path, DatabaseSettings> settings)
            throws Exception {
        int threads = 4;
        int messagesPerThread = 25;
        try (Database db = Database.open(settings.apply(dir))) {
            TokenCountRepository repo = new TokenCountRepository(db.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int m = 0; m < messagesPerThread; m++) {
                            // every thread learns the same messages: each must count once
                            repo.add("msg" + m, TokenClass.SPAM, Set.of("shared", "tok" + m, "new" + m % 5), T1);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            CountsSnapshot s = repo.find(Set.of("shared", "tok0", "new0"));
            assertThat(s.totals()).isEqualTo(new StoredTotals(messagesPerThread, 0));
            assertThat(s.counts().get("shared").spam()).isEqualTo(messagesPerThread);
            assertThat(s.counts().get("tok0").spam()).isEqualTo(1);
            assertThat(s.counts().get("new0").spam()).isEqualTo(messagesPerThread / 5);
        }
    }

    private static List<String> appliedMigrations(Database db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\""
                             + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY 1")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }
}
