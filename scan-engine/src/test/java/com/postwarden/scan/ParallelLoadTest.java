package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.match.MatchResult;
import com.postwarden.scan.internal.signature.CvdBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files read side by side make the same database as files read one after the other: the same counts, skip
 * reasons, refusals and ignores, and the same verdict on every sample, whatever the number of threads.
 */
class ParallelLoadTest {
    private static final CvdBuilder.TestKey KEY = CvdBuilder.TestKey.generate();
    private static final byte[] CLAM_EXE = read("/usr/share/clamav-testfiles/clam.exe");
    private static final int SIGNATURES_PER_FILE = 3000;
    private static final ExecutorService FOUR = Executors.newFixedThreadPool(4);
    private static final ExecutorService TWO = Executors.newFixedThreadPool(2);

    @TempDir
    static Path dir;
    private static final List<byte[]> samples = new ArrayList<>();
    private static SignatureDatabase sequential;

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void writeDatabase() throws Exception {
        Random random = new Random(42);
        for (String name : List.of("a", "b", "c")) {
            writeHashFile(random, name + ".hdb", "MD5", name);
            writeBodyFile(random, name + ".ndb", name);
        }
        writeHashFile(random, "d.hsb", "SHA-256", "d");
        Files.writeString(dir.resolve("e.ldb"), "Logical.ClamExe;Engine:51-255,Target:1;0&1;4b45524e454c;55534552\n"
                + "Bad.Container;Target:0,Container:CL_TYPE_ZIP;0;41424344\n");
        Files.writeString(dir.resolve("f.fp"), HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(samples.get(7))) + ":" + samples.get(7).length + ":Allowed.Sample\n" + "bad\n");
        Files.writeString(dir.resolve("local.ign2"), "Body.a.5\nBody.b.9\n");
        Files.write(dir.resolve("main.cvd"), new CvdBuilder().name("main").version(64)
                .file("main.hdb", HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(CLAM_EXE))
                        + ":544:Main.ClamExe.Hdb\n")
                .file("main.ndb", "Main.Body:0:*:434c414d657373616765426f7841\nBad.Offset:0:VI:41424344\n")
                .file("main.ign2", "Body.c.3\n")
                .cvd(KEY));
        byte[] daily = new CvdBuilder().name("daily").version(27901).file("daily.ndb", "Daily:0:*:41424344\n")
                .cvd(KEY);
        daily[daily.length - 40] ^= 1;
        Files.write(dir.resolve("daily.cvd"), daily);
        sequential = SignatureDatabase.load(dir, null, KEY.verifier(), Runnable::run);
    }

    /** Random objects, each named by an MD5 or SHA-256 line and the first half by a body signature. */
    private static void writeHashFile(Random random, String file, String algorithm, String name) throws Exception {
        StringBuilder lines = new StringBuilder();
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        for (int i = 0; i < SIGNATURES_PER_FILE; i++) {
            byte[] sample = new byte[64 + random.nextInt(512)];
            random.nextBytes(sample);
            samples.add(sample);
            lines.append(HexFormat.of().formatHex(digest.digest(sample))).append(':').append(sample.length)
                    .append(":Hash.").append(name).append('.').append(i).append('\n');
        }
        lines.append("nonsense\n");
        Files.writeString(dir.resolve(file), lines, StandardCharsets.US_ASCII);
    }

    private static void writeBodyFile(Random random, String file, String name) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < SIGNATURES_PER_FILE; i++) {
            byte[] sample = samples.get(random.nextInt(samples.size()));
            int from = random.nextInt(sample.length - 24);
            String hex = HexFormat.of().formatHex(sample, from, from + 8 + random.nextInt(16));
            String pattern = switch (i % 4) {
                case 0 -> hex;
                case 1 -> hex.substring(0, 6) + "??" + hex.substring(8);
                case 2 -> hex.substring(0, 8) + "{0-4}" + hex.substring(8);
                default -> hex.substring(0, 8) + "*" + hex.substring(8);
            };
            lines.append("Body.").append(name).append('.').append(i).append(":0:*:").append(pattern).append('\n');
        }
        lines.append("Bad.Hex:0:*:4142zz\n");
        Files.writeString(dir.resolve(file), lines, StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void stopThreads() {
        FOUR.shutdownNow();
        TWO.shutdownNow();
    }

    static Stream<Executor> executors() {
        return Stream.of(FOUR, TWO, Runnable::run);
    }

    @ParameterizedTest
    @MethodSource("executors")
    void filesReadSideBySideGiveTheSameCountsReasonsAndRefusals(Executor executor) throws Exception {
        DatabaseInfo parallel = SignatureDatabase.load(dir, null, KEY.verifier(), executor).info();
        DatabaseInfo expected = sequential.info();

        assertThat(parallel.loaded()).isEqualTo(expected.loaded());
        assertThat(parallel.skipped()).isEqualTo(expected.skipped());
        assertThat(parallel.refused()).isEqualTo(expected.refused()).containsOnlyKeys("daily.cvd");
        assertThat(parallel.ignored()).isEqualTo(expected.ignored()).isEqualTo(3);
        assertThat(parallel.version()).isEqualTo(expected.version()).isEqualTo(64);
        assertThat(parallel.timestamp()).isEqualTo(expected.timestamp());
        assertThat(parallel.fingerprint()).isEqualTo(expected.fingerprint());
        assertThat(expected.loaded()).containsEntry("hdb", 3L * SIGNATURES_PER_FILE + 1)
                .containsEntry("ndb", 3L * SIGNATURES_PER_FILE + 1);
    }

    @ParameterizedTest
    @MethodSource("executors")
    void filesReadSideBySideGiveTheSameVerdictOnEverySample(Executor executor) throws Exception {
        SignatureDatabase parallel = SignatureDatabase.load(dir, null, KEY.verifier(), executor);

        for (byte[] sample : samples) {
            assertThat(match(parallel, sample, FileType.BINARY)).isEqualTo(match(sequential, sample, FileType.BINARY));
        }
        assertThat(match(parallel, CLAM_EXE, FileType.PE)).isEqualTo(match(sequential, CLAM_EXE, FileType.PE))
                .isEqualTo(new MatchResult.Detected("Main.Body"));
        assertThat(match(parallel, samples.get(7), FileType.BINARY))
                .isEqualTo(new MatchResult.Allowed("Allowed.Sample"));
    }

    @Test
    void theDefaultLoadReadsSideBySideAndGivesTheSameVerdicts() throws Exception {
        SignatureDatabase parallel = SignatureDatabase.load(dir, null, KEY.verifier());

        assertThat(parallel.info().loaded()).isEqualTo(sequential.info().loaded());
        for (byte[] sample : samples.subList(0, 500)) {
            assertThat(match(parallel, sample, FileType.BINARY)).isEqualTo(match(sequential, sample, FileType.BINARY));
        }
    }

    private static MatchResult match(SignatureDatabase database, byte[] bytes, FileType type) {
        return database.matcher().match(Content.of(bytes), type);
    }
}
