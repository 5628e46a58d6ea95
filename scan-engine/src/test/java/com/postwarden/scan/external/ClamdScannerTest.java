package com.postwarden.scan.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ClamdScanner} against a private clamd ({@link ClamdServer}) with StreamMaxLength 1M. */
class ClamdScannerTest {

    private static final int STREAM_MAX_LENGTH = 1 << 20;
    private static final Duration QUICK = Duration.ofMillis(400);

    private static Path dir;
    private static ClamdServer clamd;

    /** The two ways to reach clamd; every scanning test runs over both. */
    enum Transport {
        TCP(server -> ClamdSettings.tcp("127.0.0.1", server.tcp().getPort())),
        UNIX(server -> ClamdSettings.unix(server.socket()));

        private final Function<ClamdServer, ClamdSettings> settings;

        Transport(Function<ClamdServer, ClamdSettings> settings) {
            this.settings = settings;
        }

        ClamdScanner scanner() {
            return new ClamdScanner(settings.apply(clamd));
        }
    }

    @BeforeAll
    static void startClamd() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "pw-clamd");
        clamd = ClamdServer.start(dir, "1M");
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCleanObjectIsClean(Transport transport) {
        try (ClamdScanner scanner = transport.scanner()) {
            assertThat(scan(scanner, TestObjects.clean(10_000))).isEqualTo(ExternalResult.clean());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anEmptyObjectIsClean(Transport transport) {
        try (ClamdScanner scanner = transport.scanner()) {
            assertThat(scan(scanner, new byte[0])).isEqualTo(ExternalResult.clean());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void eicarIsReportedWithTheSignatureName(Transport transport) {
        try (ClamdScanner scanner = transport.scanner()) {
            assertThat(scan(scanner, TestObjects.eicar()))
                    .isEqualTo(new ExternalResult.Infected(TestObjects.EICAR_NAME));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSignatureAcrossAChunkBoundaryIsFound(Transport transport) {
        try (ClamdScanner scanner = new ClamdScanner(transport.settings.apply(clamd).withChunkSize(4096))) {
            byte[] object = TestObjects.withMarker(600_000, 3 * 4096 - 10);
            assertThat(scan(scanner, object)).isEqualTo(new ExternalResult.Infected(TestObjects.MARKER_NAME));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anObjectBeyondStreamMaxLengthIsNotScannedEveryTime(Transport transport) {
        byte[] object = TestObjects.withMarker(3 * STREAM_MAX_LENGTH, 10);
        try (ClamdScanner scanner = transport.scanner()) {
            for (int i = 0; i < 8; i++) {
                assertThat(scan(scanner, object))
                        .as("attempt %d", i)
                        .isInstanceOfSatisfying(ExternalResult.NotScanned.class,
                                r -> assertThat(r.reason()).contains("INSTREAM size limit exceeded"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anObjectBeyondStreamMaxLengthInSmallChunksIsNotScanned(Transport transport) {
        byte[] object = TestObjects.clean(STREAM_MAX_LENGTH + 5000);
        try (ClamdScanner scanner = new ClamdScanner(transport.settings.apply(clamd).withChunkSize(1000))) {
            assertThat(scan(scanner, object)).isInstanceOf(ExternalResult.NotScanned.class);
        }
    }

    @Test
    void anObjectAboveMaxSizeIsNotScannedWithoutContactingClamd() throws IOException {
        try (SilentServer nobody = SilentServer.draining();
                ClamdScanner scanner = new ClamdScanner(settingsFor(nobody.address()).withMaxSize(1000))) {
            ExternalResult result = scan(scanner, TestObjects.clean(1001));
            assertThat(result).isInstanceOfSatisfying(ExternalResult.NotScanned.class,
                    r -> assertThat(r.reason()).contains("1001").contains("maxSize 1000"));
            assertThat(nobody.connections()).isZero();
        }
    }

    @Test
    void aStoppedClamdFailsQuickly() throws IOException {
        InetSocketAddress nothing = new InetSocketAddress("127.0.0.1", ClamdServer.freePort());
        try (ClamdScanner tcp = new ClamdScanner(settingsFor(nothing));
                ClamdScanner unix = new ClamdScanner(ClamdSettings.unix(dir.resolve("no-such.sock")))) {
            long start = System.nanoTime();
            assertThat(scan(tcp, TestObjects.eicar())).isInstanceOf(ExternalResult.Failed.class);
            assertThat(scan(unix, TestObjects.eicar())).isInstanceOf(ExternalResult.Failed.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(tcp.health()).isInstanceOf(EngineHealth.Unavailable.class);
        }
    }

    @Test
    void aClamdThatNeverAnswersFailsAfterTheVerdictTimeout() throws IOException {
        try (SilentServer silent = SilentServer.draining();
                ClamdScanner scanner = new ClamdScanner(settingsFor(silent.address()))) {
            long start = System.nanoTime();
            ExternalResult result = scan(scanner, TestObjects.clean(1000));
            assertThat(result).isInstanceOfSatisfying(ExternalResult.Failed.class,
                    r -> assertThat(r.reason()).contains("stalled"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(QUICK, Duration.ofSeconds(5));
        }
    }

    @Test
    void aClamdThatStopsReadingFailsAfterTheIoTimeout() throws IOException {
        try (SilentServer deaf = SilentServer.deaf();
                ClamdScanner scanner = new ClamdScanner(settingsFor(deaf.address()).withMaxSize(64 << 20))) {
            long start = System.nanoTime();
            ExternalResult result = scanner.scan(new ZeroStream(), 48 << 20);
            assertThat(result).isInstanceOfSatisfying(ExternalResult.Failed.class,
                    r -> assertThat(r.reason()).contains("write").contains("stalled"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void anObjectShorterThanItsSizeFailsInsteadOfBeingCalledClean() {
        try (ClamdScanner scanner = Transport.TCP.scanner()) {
            ExternalResult result = scanner.scan(new ByteArrayInputStream(TestObjects.clean(100)), 200);
            assertThat(result).isInstanceOfSatisfying(ExternalResult.Failed.class,
                    r -> assertThat(r.reason()).contains("ended after 100 of 200"));
        }
    }

    @Test
    void healthReportsTheClamavVersion() {
        try (ClamdScanner scanner = Transport.UNIX.scanner()) {
            assertThat(scanner.health()).isInstanceOfSatisfying(EngineHealth.Available.class,
                    h -> assertThat(h.version()).startsWith("ClamAV "));
        }
    }

    @Test
    void aRestartedClamdGivesRightVerdictsAndFailsWhileDown() throws Exception {
        try (ClamdScanner scanner = Transport.TCP.scanner()) {
            assertThat(scan(scanner, TestObjects.eicar())).isInstanceOf(ExternalResult.Infected.class);
            clamd.stop();
            assertThat(scan(scanner, TestObjects.eicar())).isInstanceOf(ExternalResult.Failed.class);
            clamd.launch();
            assertThat(scan(scanner, TestObjects.eicar()))
                    .isEqualTo(new ExternalResult.Infected(TestObjects.EICAR_NAME));
            assertThat(scan(scanner, TestObjects.clean(5000))).isEqualTo(ExternalResult.clean());
        }
    }

    @Test
    void concurrentScansEachGetTheirOwnVerdict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (ClamdScanner scanner = Transport.UNIX.scanner()) {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                boolean infected = i % 3 == 0;
                byte[] object = infected ? TestObjects.withMarker(20_000 + i, i) : TestObjects.clean(20_000 + i);
                ExternalResult expected = infected
                        ? new ExternalResult.Infected(TestObjects.MARKER_NAME) : ExternalResult.clean();
                outcomes.add(pool.submit(() -> scan(scanner, object).equals(expected)));
            }
            for (Future<Boolean> outcome : outcomes) {
                assertThat(outcome.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aScanAfterCloseFails() {
        ClamdScanner scanner = Transport.TCP.scanner();
        scanner.close();
        assertThat(scan(scanner, TestObjects.clean(10))).isInstanceOf(ExternalResult.Failed.class);
    }

    private static ClamdSettings settingsFor(InetSocketAddress address) {
        return ClamdSettings.tcp(address.getHostString(), address.getPort()).withTimeouts(QUICK, QUICK, QUICK);
    }

    private static ExternalResult scan(ClamdScanner scanner, byte[] object) {
        return scanner.scan(TestObjects.stream(object), object.length);
    }

    /** An endless source of zero bytes, to fill a socket that is never read. */
    private static final class ZeroStream extends InputStream {
        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 0);
            return len;
        }
    }
}
