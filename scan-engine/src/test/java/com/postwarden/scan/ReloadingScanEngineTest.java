package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingScanEngineTest {
    private static final byte[] SAMPLE = "a sample the demo database does not know\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private static Verdict scan(ReloadingScanEngine engine, byte[] bytes) throws IOException {
        return engine.get().scan(new ByteArrayInputStream(bytes), "sample.txt").verdict();
    }

    private ReloadingScanEngine open() throws IOException {
        return ReloadingScanEngine.open(dir, Duration.ofHours(1), database -> ScanEngine.builder(database).build());
    }

    @Test
    void aChangedDirectoryIsLoadedAndTakesOverForTheNextScan() throws IOException {
        DemoDatabase.write(dir);
        try (ReloadingScanEngine engine = open()) {
            ScanEngine before = engine.get();
            assertThat(scan(engine, SAMPLE)).isEqualTo(Verdict.clean());
            assertThat(engine.reloadIfChanged()).as("nothing changed yet").isFalse();

            Files.writeString(dir.resolve("local.ndb"),
                    "Local.Test.Sample:0:*:" + HexFormat.of().formatHex("does not know".getBytes(StandardCharsets.US_ASCII)) + "\n");
            assertThat(engine.reloadIfChanged()).isTrue();
            assertThat(scan(engine, SAMPLE)).isInstanceOfSatisfying(Verdict.Infected.class,
                    infected -> assertThat(infected.signature()).isEqualTo("Local.Test.Sample"));
            assertThat(before.scan(new ByteArrayInputStream(SAMPLE), "sample.txt").verdict())
                    .as("an engine taken before the reload keeps working with its database")
                    .isEqualTo(Verdict.clean());
        }
    }

    @Test
    void aLoadThatFailsKeepsTheRunningDatabase() throws IOException {
        DemoDatabase.write(dir.resolve("db"));
        try (ReloadingScanEngine engine = ReloadingScanEngine.open(dir.resolve("db"), Duration.ofHours(1),
                database -> ScanEngine.builder(database).build())) {
            try (var files = Files.list(dir.resolve("db"))) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir.resolve("db"));
            assertThat(engine.reloadIfChanged()).isFalse();
            assertThat(scan(engine, DemoDatabase.eicar())).isInstanceOf(Verdict.Infected.class);
        }
    }

    @Test
    void theDirectoryIsWatchedInTheBackground() throws Exception {
        DemoDatabase.write(dir);
        try (ReloadingScanEngine engine = ReloadingScanEngine.open(dir, Duration.ofMillis(50),
                database -> ScanEngine.builder(database).build())) {
            ScanEngine first = engine.get();
            Files.writeString(dir.resolve("local.ndb"), "Local.Test.Sample:0:*:"
                    + HexFormat.of().formatHex("does not know".getBytes(StandardCharsets.US_ASCII)) + "\n");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> engine.get() != first);
            assertThat(scan(engine, SAMPLE)).isInstanceOf(Verdict.Infected.class);
        }
    }
}
