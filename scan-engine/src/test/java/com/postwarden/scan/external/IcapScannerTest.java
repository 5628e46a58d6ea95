package com.postwarden.scan.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IcapScanner} against a private c-icap with virus_scan over a private clamd. */
class IcapScannerTest {

    private static final Duration QUICK = Duration.ofMillis(400);

    private static ClamdServer clamd;
    private static CIcapServer icap;

    @BeforeAll
    static void startServers() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "pw-icap");
        clamd = ClamdServer.start(dir.resolve("clamd"), "100M");
        icap = CIcapServer.start(dir.resolve("c-icap"), clamd);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (icap != null) {
            icap.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    private static IcapScanner scanner() {
        return new IcapScanner(IcapSettings.of(icap.uri("virus_scan")));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1023, 1024, 1025, 300_000})
    void aCleanObjectIsCleanWithOrWithoutPreviewContinue(int size) {
        try (IcapScanner scanner = scanner()) {
            assertThat(scan(scanner, TestObjects.clean(size))).isEqualTo(ExternalResult.clean());
        }
    }

    @Test
    void eicarInsideThePreviewIsReportedByName() {
        try (IcapScanner scanner = scanner()) {
            assertThat(scan(scanner, TestObjects.eicar()))
                    .isEqualTo(new ExternalResult.Infected(TestObjects.EICAR_NAME));
        }
    }

    @Test
    void aSignatureAfterThePreviewIsReportedByName() {
        try (IcapScanner scanner = scanner()) {
            assertThat(scan(scanner, TestObjects.withMarker(400_000, 250_000)))
                    .isEqualTo(new ExternalResult.Infected(TestObjects.MARKER_NAME));
        }
    }

    @Test
    void theAliasedServiceGivesTheSameVerdicts() {
        try (IcapScanner scanner = new IcapScanner(IcapSettings.of(icap.uri("avscan")))) {
            assertThat(scanner.name()).isEqualTo("icap:avscan");
            assertThat(scan(scanner, TestObjects.eicar())).isInstanceOf(ExternalResult.Infected.class);
            assertThat(scan(scanner, TestObjects.clean(5000))).isEqualTo(ExternalResult.clean());
        }
    }

    @Test
    void optionsOfTheRealServiceAreParsed() throws IOException {
        try (IcapScanner scanner = scanner()) {
            IcapOptions options = scanner.options();
            assertThat(options.methods()).contains("RESPMOD", "REQMOD");
            assertThat(options.supportsRespmod()).isTrue();
            assertThat(options.preview()).hasValue(1024);
            assertThat(options.transferPreview()).containsExactly("*");
            assertThat(options.allow204()).isTrue();
            assertThat(options.ttl()).isEqualTo(Duration.ofSeconds(3600));
            assertThat(options.isTag()).startsWith("\"CI0001");
            assertThat(options.service()).contains("C-ICAP").contains("Antivirus");
            assertThat(scanner.health()).isInstanceOfSatisfying(EngineHealth.Available.class,
                    h -> assertThat(h.version()).contains("C-ICAP").contains("CI0001"));
        }
    }

    @Test
    void optionsAreReadAgainOnlyAfterTheirTtl() throws IOException {
        MutableClock clock = new MutableClock();
        try (IcapScanner scanner = new IcapScanner(IcapSettings.of(icap.uri("virus_scan")), clock)) {
            IcapOptions first = scanner.options();
            clock.advance(Duration.ofSeconds(3599));
            assertThat(scanner.options()).isSameAs(first);
            clock.advance(Duration.ofSeconds(1));
            IcapOptions second = scanner.options();
            assertThat(second).isNotSameAs(first);
            assertThat(second.fetchedAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void anObjectAboveMaxSizeIsNotScannedWithoutContactingTheServer() throws IOException {
        try (SilentServer nobody = SilentServer.draining();
                IcapScanner scanner = new IcapScanner(settingsFor(nobody.address()))) {
            byte[] object = TestObjects.withMarker((5 << 20) + 1, 0);
            assertThat(scan(scanner, object)).isInstanceOfSatisfying(ExternalResult.NotScanned.class,
                    r -> assertThat(r.reason()).contains("exceeds maxSize " + (5 << 20)));
            assertThat(nobody.connections()).isZero();
        }
    }

    @Test
    void withoutMaxSizeTheServicePassesAnInfectedObjectOverItsOwnLimitAsClean() {
        // why maxSize exists: virus_scan.MaxObjectSize is 5M and c-icap then answers 204 without scanning
        byte[] object = TestObjects.withMarker(6 << 20, 0);
        try (IcapScanner careless = new IcapScanner(IcapSettings.of(icap.uri("virus_scan")).withMaxSize(8 << 20));
                IcapScanner careful = scanner()) {
            assertThat(scan(careless, object)).isEqualTo(ExternalResult.clean());
            assertThat(scan(careful, object)).isInstanceOf(ExternalResult.NotScanned.class);
        }
    }

    @Test
    void aStoppedServerFailsQuickly() throws IOException {
        InetSocketAddress nothing = new InetSocketAddress("127.0.0.1", ClamdServer.freePort());
        try (IcapScanner scanner = new IcapScanner(settingsFor(nothing))) {
            long start = System.nanoTime();
            assertThat(scan(scanner, TestObjects.eicar())).isInstanceOf(ExternalResult.Failed.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(scanner.health()).isInstanceOf(EngineHealth.Unavailable.class);
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheTimeout() throws IOException {
        try (SilentServer silent = SilentServer.draining();
                IcapScanner scanner = new IcapScanner(settingsFor(silent.address()))) {
            long start = System.nanoTime();
            assertThat(scan(scanner, TestObjects.clean(100))).isInstanceOfSatisfying(ExternalResult.Failed.class,
                    r -> assertThat(r.reason()).contains("stalled"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(QUICK, Duration.ofSeconds(5));
        }
    }

    @Test
    void aRestartedServerStillGivesRightVerdictsThroughThePool() throws Exception {
        try (IcapScanner scanner = scanner()) {
            assertThat(scan(scanner, TestObjects.clean(2000))).isEqualTo(ExternalResult.clean());
            assertThat(scanner.idleConnections()).isPositive();
            icap.stop();
            icap.launch();
            assertThat(scan(scanner, TestObjects.eicar()))
                    .isEqualTo(new ExternalResult.Infected(TestObjects.EICAR_NAME));
            assertThat(scan(scanner, TestObjects.clean(2000))).isEqualTo(ExternalResult.clean());
            assertThat(scan(scanner, TestObjects.withMarker(50_000, 40_000)))
                    .isEqualTo(new ExternalResult.Infected(TestObjects.MARKER_NAME));
        }
    }

    @Test
    void concurrentScansThroughASmallPoolEachGetTheirOwnVerdict() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try (IcapScanner scanner = new IcapScanner(IcapSettings.of(icap.uri("virus_scan")).withMaxConnections(3))) {
            List<Future<ExternalResult>> outcomes = new ArrayList<>();
            List<ExternalResult> expected = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                boolean infected = i % 3 == 0;
                byte[] object = infected ? TestObjects.withMarker(5000 + i * 100, i) : TestObjects.clean(5000 + i * 100);
                expected.add(infected ? new ExternalResult.Infected(TestObjects.MARKER_NAME) : ExternalResult.clean());
                outcomes.add(threads.submit(() -> scan(scanner, object)));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                assertThat(outcomes.get(i).get()).as("scan %d", i).isEqualTo(expected.get(i));
            }
            assertThat(scanner.idleConnections()).isBetween(1, 3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUnknownServiceFails() {
        try (IcapScanner scanner = new IcapScanner(IcapSettings.of(icap.uri("no_such_service")))) {
            assertThat(scan(scanner, TestObjects.clean(10))).isInstanceOf(ExternalResult.Failed.class);
        }
    }

    private static IcapSettings settingsFor(InetSocketAddress address) {
        return IcapSettings.of("icap://127.0.0.1:" + address.getPort() + "/virus_scan")
                .withTimeouts(QUICK, QUICK, QUICK);
    }

    private static ExternalResult scan(IcapScanner scanner, byte[] object) {
        return scanner.scan(TestObjects.stream(object), object.length);
    }
}
