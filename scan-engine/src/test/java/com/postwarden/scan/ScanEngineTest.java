package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {
    private static final byte[] EICAR = DemoDatabase.eicar();
    private static final byte[] HARMLESS = "quarterly figures, nothing to see\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path databaseDir;
    @TempDir
    Path temp;

    private static SignatureDatabase database;

    @BeforeAll
    static void loadDemoDatabase() throws IOException {
        DemoDatabase.write(databaseDir);
        database = SignatureDatabase.load(databaseDir);
    }

    private ScanEngine engine(ScanLimits limits) {
        return ScanEngine.builder(database).limits(limits).temporaryDirectory(temp).build();
    }

    private ScanEngine engine() {
        return engine(ScanLimits.DEFAULTS);
    }

    private static ScanLimits limits(int maxDepth, int maxEntries, long maxTotal, long maxEntry, int maxRatio) {
        return new ScanLimits(maxDepth, maxEntries, maxTotal, maxEntry, maxRatio, Duration.ofMinutes(1), 64 * 1024);
    }

    private static ScanReport scan(ScanEngine engine, String name, byte[] bytes) throws IOException {
        return engine.scan(new ByteArrayInputStream(bytes), name);
    }

    @Test
    void theEicarTestFileIsDetectedByName() throws IOException {
        ScanReport report = scan(engine(), "eicar.com", EICAR);
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected("Eicar-Test-Signature", ContainerPath.of("eicar.com")));
        assertThat(report.bytesScanned()).isEqualTo(EICAR.length);
        assertThat(report.objectsScanned()).isEqualTo(1);
    }

    @Test
    void harmlessTextIsClean() throws IOException {
        assertThat(scan(engine(), "notes.txt", HARMLESS).verdict()).isEqualTo(Verdict.clean());
    }

    @Test
    void aDetectionInsideAnArchiveInsideAMessageNamesTheWholePath() throws IOException {
        byte[] mail = TestArchives.mailWithAttachment("invoice.zip", TestArchives.zip("invoice.com", EICAR));
        ScanReport report = engine().scanMail(new ByteArrayInputStream(mail), "msg-1");
        assertThat(report.verdict()).isInstanceOfSatisfying(Verdict.Infected.class, infected -> {
            assertThat(infected.signature()).isEqualTo("Eicar-Test-Signature");
            assertThat(infected.path().toString()).isEqualTo("msg-1!invoice.zip!invoice.com");
        });
    }

    @Test
    void containersDeeperThanTheLimitAreUnscannableNotClean() throws IOException {
        byte[] nested = TestArchives.nestedZips(6, "deep.txt", HARMLESS);
        ScanReport within = scan(engine(limits(6, 100, 1 << 30, 1 << 20, 1000)), "outer.zip", nested);
        assertThat(within.verdict()).isEqualTo(Verdict.clean());
        ScanReport beyond = scan(engine(limits(3, 100, 1 << 30, 1 << 20, 1000)), "outer.zip", nested);
        assertThat(beyond.verdict()).isInstanceOfSatisfying(Verdict.Unscannable.class, unscannable -> {
            assertThat(unscannable.reason()).isEqualTo("Heuristics.Limits.Exceeded.MaxRecursion");
            assertThat(unscannable.path().depth()).isEqualTo(3);
        });
    }

    @Test
    void aDetectionWinsOverAnUnscannablePart() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("deep.zip", TestArchives.nestedZips(5, "deep.txt", HARMLESS));
        entries.put("eicar.com", EICAR);
        ScanReport report = scan(engine(limits(2, 100, 1 << 30, 1 << 20, 1000)), "mixed.zip", TestArchives.zip(entries));
        assertThat(report.verdict()).isInstanceOf(Verdict.Infected.class);
    }

    @Test
    void tooManyEntriesAreUnscannable() throws IOException {
        byte[] zip = TestArchives.zip(TestArchives.entries(20, HARMLESS));
        ScanReport report = scan(engine(limits(16, 10, 1 << 30, 1 << 20, 1000)), "many.zip", zip);
        assertThat(report.verdict()).isEqualTo(
                new Verdict.Unscannable("Heuristics.Limits.Exceeded.MaxFiles", ContainerPath.of("many.zip")));
    }

    @Test
    void anEntryLargerThanTheEntryLimitIsUnscannable() throws IOException {
        byte[] zip = TestArchives.zipOfZeros("big.bin", 3L << 20);
        ScanReport report = scan(engine(limits(16, 100, 1L << 30, 2L << 20, 1_000_000)), "big.zip", zip);
        assertThat(report.verdict()).isEqualTo(new Verdict.Unscannable("Heuristics.Limits.Exceeded.MaxFileSize",
                ContainerPath.of("big.zip").child("big.bin")));
    }

    @Test
    void aCompressionBombIsStoppedByTheRatioLimit() throws IOException {
        byte[] bomb = TestArchives.zipOfZeros("zeros.bin", 64L << 20);
        ScanReport report = scan(engine(limits(16, 100, 1L << 30, 100L << 20, 100)), "bomb.zip", bomb);
        assertThat(report.verdict()).isEqualTo(new Verdict.Unscannable("Heuristics.Limits.Exceeded.MaxRatio",
                ContainerPath.of("bomb.zip").child("zeros.bin")));
        assertThat(report.bytesScanned()).as("the bomb was not expanded").isLessThan(8L << 20);
    }

    @Test
    void extractingMoreThanTheTotalLimitStopsTheScan() throws IOException {
        Map<String, byte[]> entries = TestArchives.entries(5, new byte[400 * 1024]);
        ScanReport report = scan(engine(limits(16, 100, 1L << 20, 1L << 20, 1000)), "total.zip",
                TestArchives.zip(entries));
        assertThat(report.verdict()).isInstanceOfSatisfying(Verdict.Unscannable.class,
                unscannable -> assertThat(unscannable.reason()).isEqualTo("Heuristics.Limits.Exceeded.MaxScanSize"));
    }

    @Test
    void aScanPastItsTimeLimitIsUnscannable() throws IOException {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = () -> nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        ScanEngine engine = ScanEngine.builder(database).temporaryDirectory(temp).ticker(ticker)
                .limits(new ScanLimits(16, 100, 1 << 30, 1 << 20, 1000, Duration.ofSeconds(3), 64 * 1024))
                .build();
        ScanReport report = scan(engine, "slow.zip", TestArchives.zip(TestArchives.entries(10, HARMLESS)));
        assertThat(report.verdict()).isInstanceOfSatisfying(Verdict.Unscannable.class,
                unscannable -> assertThat(unscannable.reason()).isEqualTo("Heuristics.Limits.Exceeded.MaxScanTime"));
    }

    @Test
    void aDamagedArchiveIsUnscannable() throws IOException {
        byte[] zip = TestArchives.zip(TestArchives.entries(3, new byte[10_000]));
        byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
        ScanReport report = scan(engine(), "cut.zip", truncated);
        assertThat(report.verdict()).isInstanceOfSatisfying(Verdict.Unscannable.class,
                unscannable -> assertThat(unscannable.reason()).isEqualTo("Heuristics.Broken.Zip"));
    }

    @Test
    void anInfectedEntryAboveTheMemoryThresholdIsDetectedAndLeavesNoSpoolFile() throws IOException {
        byte[] big = new byte[300 * 1024];
        System.arraycopy(EICAR, 0, big, 0, EICAR.length);
        byte[] zip = TestArchives.zip("big.com", big);
        ScanReport report = scan(engine(limits(16, 100, 1L << 30, 1L << 20, 1000)), "big.zip", zip);
        assertThat(report.verdict()).isInstanceOf(Verdict.Infected.class);
        try (var files = Files.list(temp)) {
            assertThat(files.toList()).as("spool files left behind").isEmpty();
        }
    }

    @Test
    void anAttachmentSeenBeforeIsAnsweredFromTheCacheUnderItsNewName() throws IOException {
        ScanEngine engine = engine();
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise); // incompressible, so the archive is big enough to be cached
        byte[] archive = TestArchives.zip(Map.of("a.bin", noise, "payload.com", EICAR));
        ScanReport first = engine.scanMail(new ByteArrayInputStream(
                TestArchives.mailWithAttachment("first.zip", archive)), "msg-1");
        ScanReport second = engine.scanMail(new ByteArrayInputStream(
                TestArchives.mailWithAttachment("second.zip", archive)), "msg-2");
        assertThat(first.verdict()).isInstanceOfSatisfying(Verdict.Infected.class,
                infected -> assertThat(infected.path().toString()).isEqualTo("msg-1!first.zip!payload.com"));
        assertThat(second.verdict()).isInstanceOfSatisfying(Verdict.Infected.class,
                infected -> assertThat(infected.path().toString()).isEqualTo("msg-2!second.zip!payload.com"));
        assertThat(second.objectsScanned()).as("the archive was not unpacked again").isLessThan(first.objectsScanned());
    }

    @Test
    void aFileIsScannedByItsPath() throws IOException {
        Path file = Files.write(temp.resolve("eicar.com"), EICAR);
        ScanReport report = engine().scan(file);
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected("Eicar-Test-Signature", ContainerPath.of(file.toString())));
        assertThat(report.objectsScanned()).isEqualTo(1);
    }
}
