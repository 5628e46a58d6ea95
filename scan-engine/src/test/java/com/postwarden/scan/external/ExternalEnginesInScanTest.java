package com.postwarden.scan.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.postwarden.scan.ContainerPath;
import com.postwarden.scan.EngineSkip;
import com.postwarden.scan.ExternalEngine;
import com.postwarden.scan.ScanEngine;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.SignatureDatabase;
import com.postwarden.scan.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with a real clamd beside it: what only clamd knows is found, a repeated attachment costs one external
 * scan, and an engine that cannot scan is reported, never taken as clean.
 */
class ExternalEnginesInScanTest {
    private static Path dir;
    private static ClamdServer clamd;
    private static CIcapServer icap;

    @TempDir
    Path databaseDir;

    @BeforeAll
    static void startClamd() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "pw-clamd");
        clamd = ClamdServer.start(dir, "1M");
        icap = CIcapServer.start(dir.resolve("c-icap"), clamd);
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (icap != null) {
            icap.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    private ScanEngine engine(ExternalScanner scanner, boolean required) throws IOException {
        return ScanEngine.builder(SignatureDatabase.load(databaseDir))
                .externalEngines(List.of(new ExternalEngine(scanner, required)))
                .build();
    }

    private static ScanReport scanMail(ScanEngine engine, String name, byte[] attachment) throws IOException {
        String message = "From: a@example.net\r\nTo: b@example.com\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b1--\r\n";
        return engine.scanMail(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), name);
    }

    @Test
    void whatOnlyClamdKnowsIsFoundAndNamedAfterIt() throws IOException {
        try (ClamdScanner clamdScanner = new ClamdScanner(ClamdSettings.unix(clamd.socket()))) {
            ScanReport report = scanMail(engine(clamdScanner, true), "msg", TestObjects.withMarker(4096, 100));

            assertThat(report.verdict()).isInstanceOfSatisfying(Verdict.Infected.class, infected -> {
                assertThat(infected.signature()).isEqualTo("clamd:" + TestObjects.MARKER_NAME);
                assertThat(infected.path().names()).first().isEqualTo("msg");
                assertThat(infected.path().depth()).isEqualTo(1);
            });
            assertThat(report.skipped()).isEmpty();
        }
    }

    @Test
    void anIcapEngineBesideAnOptionalClamdThatIsDownStillDecides() throws IOException {
        ClamdSettings nowhere = ClamdSettings.unix(dir.resolve("no-such.sock"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (ClamdScanner down = new ClamdScanner(nowhere);
                IcapScanner avscan = new IcapScanner(IcapSettings.of(icap.uri("avscan")).withLabel("c-icap"))) {
            ScanEngine engine = ScanEngine.builder(SignatureDatabase.load(databaseDir))
                    .externalEngines(List.of(new ExternalEngine("clamd", down, false),
                            new ExternalEngine("c-icap", avscan, true)))
                    .build();

            ScanReport infected = scanMail(engine, "msg", TestObjects.withMarker(4096, 10));
            ScanReport clean = scanMail(engine, "msg2", TestObjects.clean(4096));

            assertThat(infected.verdict()).isInstanceOfSatisfying(Verdict.Infected.class,
                    v -> assertThat(v.signature()).isEqualTo("c-icap:" + TestObjects.MARKER_NAME));
            assertThat(infected.skipped()).extracting(EngineSkip::engine).containsOnly("clamd");
            assertThat(clean.verdict()).isInstanceOf(Verdict.Clean.class);
            assertThat(clean.requiredEngineSkipped()).as("only the optional engine was down").isFalse();
            assertThat(clean.skipped()).isNotEmpty().extracting(EngineSkip::required).containsOnly(false);
        }
    }

    @Test
    void aRepeatedAttachmentCostsOneExternalScan() throws IOException {
        try (ClamdScanner clamdScanner = new ClamdScanner(ClamdSettings.tcp("127.0.0.1", clamd.tcp().getPort()))) {
            ScanEngine engine = engine(clamdScanner, true);
            byte[] infected = TestObjects.withMarker(8192, 5000);
            byte[] clean = TestObjects.clean(8192);

            ScanReport first = scanMail(engine, "first", infected);
            ScanReport second = scanMail(engine, "second", infected);
            ScanReport firstClean = scanMail(engine, "third", clean);
            ScanReport secondClean = scanMail(engine, "fourth", clean);

            // the short text part is below the cache's size floor and is sent every time; the attachment once
            int textPart = 1;
            assertThat(first.externalScans()).isEqualTo(textPart + 1);
            assertThat(second.externalScans()).as("the cached verdict answers for the attachment").isEqualTo(textPart);
            assertThat(second.verdict()).isInstanceOfSatisfying(Verdict.Infected.class, v -> {
                assertThat(v.signature()).isEqualTo("clamd:" + TestObjects.MARKER_NAME);
                assertThat(v.path().names()).first().isEqualTo("second");
            });
            assertThat(firstClean.verdict()).isInstanceOf(Verdict.Clean.class);
            assertThat(firstClean.externalScans()).isEqualTo(textPart + 1);
            assertThat(secondClean.externalScans()).isEqualTo(textPart);
        }
    }

    @Test
    void sessionsCarryingTheSameAttachmentAtOnceCostOneExternalScan() throws Exception {
        try (ClamdScanner clamdScanner = new ClamdScanner(ClamdSettings.unix(clamd.socket()))) {
            ScanEngine engine = engine(clamdScanner, true);
            byte[] attachment = TestObjects.clean(256 * 1024);
            int sessions = 8;
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ScanReport>> reports = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String name = "msg" + i;
                reports.add(pool.submit(() -> {
                    start.await();
                    return scanMail(engine, name, attachment);
                }));
            }
            start.countDown();
            int external = 0;
            for (Future<ScanReport> report : reports) {
                ScanReport done = report.get(60, TimeUnit.SECONDS);
                assertThat(done.verdict()).isInstanceOf(Verdict.Clean.class);
                external += done.externalScans();
            }
            pool.shutdown();

            int textParts = sessions; // below the cache's size floor: sent every time
            assertThat(external).as("the attachment is sent once, the waiting sessions take its verdict")
                    .isEqualTo(textParts + 1);
        }
    }

    @Test
    void anUnreachableRequiredEngineIsReportedAndNothingIsCachedAsClean() throws IOException {
        Path nowhere = dir.resolve("no-such.sock");
        ClamdSettings settings = ClamdSettings.unix(nowhere)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (ClamdScanner down = new ClamdScanner(settings)) {
            ScanEngine engine = engine(down, true);
            byte[] attachment = TestObjects.clean(4096);

            ScanReport first = scanMail(engine, "msg", attachment);
            ScanReport again = scanMail(engine, "msg", attachment);

            assertThat(first.verdict()).as("the built-in engine found nothing").isInstanceOf(Verdict.Clean.class);
            assertThat(first.requiredEngineSkipped()).isTrue();
            assertThat(first.skipped()).extracting(EngineSkip::engine, EngineSkip::required, s -> s.path().toString())
                    .contains(tuple("clamd", true,
                            ContainerPath.of("msg").child("data.bin").toString()));
            assertThat(again.requiredEngineSkipped()).as("a skipped scan is not cached").isTrue();
        }
    }

    @Test
    void aStalledClamdDefersTheMessageAfterItsTimeoutInsteadOfHangingIt() throws Exception {
        ClamdSettings settings = ClamdSettings.unix(clamd.socket())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (ClamdScanner stalled = new ClamdScanner(settings)) {
            ScanEngine engine = engine(stalled, true);
            signal("STOP", clamd.pid()); // the kernel still accepts its connections; nothing answers
            long start = System.nanoTime();
            ScanReport report;
            try {
                report = scanMail(engine, "msg", TestObjects.clean(4096));
            } finally {
                signal("CONT", clamd.pid());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(report.requiredEngineSkipped()).isTrue();
            assertThat(took).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
            assertThat(scanMail(engine, "again", TestObjects.clean(4096)).skipped())
                    .as("answers again once it runs").isEmpty();
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    @Test
    void anAttachmentOverTheEnginesLimitIsNotScannedByIt() throws IOException {
        ClamdSettings settings = ClamdSettings.unix(clamd.socket()).withMaxSize(2048);
        try (ClamdScanner small = new ClamdScanner(settings)) {
            ScanReport report = scanMail(engine(small, false), "msg", TestObjects.withMarker(4096, 3000));

            assertThat(report.verdict()).as("never clean by silence, but not infected either")
                    .isInstanceOf(Verdict.Clean.class);
            assertThat(report.requiredEngineSkipped()).isFalse();
            assertThat(report.skipped()).singleElement().satisfies(skip -> {
                assertThat(skip.engine()).isEqualTo("clamd");
                assertThat(skip.required()).isFalse();
                assertThat(skip.path().names()).last().isEqualTo("data.bin");
            });
        }
    }
}
