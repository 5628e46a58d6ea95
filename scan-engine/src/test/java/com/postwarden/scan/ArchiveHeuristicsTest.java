package com.postwarden.scan;

import static com.postwarden.scan.HeuristicSamples.CLAM_EXE;
import static com.postwarden.scan.HeuristicSamples.copy;
import static com.postwarden.scan.HeuristicSamples.mail;
import static com.postwarden.scan.HeuristicSamples.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted executables, executables deep in archives and archive bombs, on archives built by zip and 7z. */
class ArchiveHeuristicsTest {
    private static final String ENCRYPTED_EXECUTABLE = "Heuristic.Archive.EncryptedExecutable";
    private static final String NESTED = "Heuristic.Archive.NestedExecutable";
    private static final String BOMB = "Heuristic.Archive.Bomb";
    private static final byte[] TEXT =
            "Agenda: review, budget, any other business.\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path databaseDir;
    @TempDir
    Path temp;
    @TempDir
    Path work;

    private static SignatureDatabase database;

    @BeforeAll
    static void load() throws IOException {
        database = HeuristicSamples.eicarOnlyDatabase(databaseDir);
    }

    private ScanReport scanMail(byte[] message, ScanLimits limits) throws IOException {
        return HeuristicSamples.scanMail(
                HeuristicSamples.engine(database, temp, HeuristicSettings.defaults(), limits), message);
    }

    private ScanReport scanMail(String name, Path archive) throws IOException {
        return scanMail(mail(name, "application/octet-stream", Files.readAllBytes(archive)), ScanLimits.DEFAULTS);
    }

    private static ContainerPath path(String... names) {
        ContainerPath path = ContainerPath.of("msg");
        for (String name : names) {
            path = path.child(name);
        }
        return path;
    }

    @Test
    void aProgramInAPasswordProtectedZipIsMalicious() throws IOException {
        copy(CLAM_EXE, work, "setup.exe");
        run(work, "zip", "-q", "-P", "secret", "docs.zip", "setup.exe");
        ScanReport report = scanMail("docs.zip", work.resolve("docs.zip"));
        assertThat(report.verdict())
                .isEqualTo(new Verdict.Infected(ENCRYPTED_EXECUTABLE, path("docs.zip", "setup.exe")));
        assertThat(report.findings()).containsExactly(
                new Verdict.Unscannable("Heuristics.Encrypted.Zip", path("docs.zip", "setup.exe")),
                new Verdict.Infected(ENCRYPTED_EXECUTABLE, path("docs.zip", "setup.exe")));
    }

    @Test
    void aScriptInAPasswordProtected7zIsMalicious() throws IOException {
        Files.writeString(work.resolve("invoice.js"), "WScript.Echo('x');\n");
        run(work, "7z", "a", "-bd", "-psecret", "invoice.7z", "invoice.js");
        ScanReport report = scanMail("invoice.7z", work.resolve("invoice.7z"));
        assertThat(report.verdict()).isEqualTo(
                new Verdict.Infected(ENCRYPTED_EXECUTABLE, path("invoice.7z", "invoice.js")));
    }

    @Test
    void aPasswordProtectedZipOfDocumentsStaysOnlyUnscannable() throws IOException {
        Files.write(work.resolve("report.txt"), TEXT);
        run(work, "zip", "-q", "-P", "secret", "report.zip", "report.txt");
        ScanReport report = scanMail("report.zip", work.resolve("report.zip"));
        assertThat(report.findings()).containsExactly(
                new Verdict.Unscannable("Heuristics.Encrypted.Zip", path("report.zip", "report.txt")));
    }

    @Test
    void a7zWithEncryptedNamesHidesThemAndStaysUnscannable() throws IOException {
        copy(CLAM_EXE, work, "setup.exe");
        run(work, "7z", "a", "-bd", "-psecret", "-mhe=on", "hidden.7z", "setup.exe");
        ScanReport report = scanMail("hidden.7z", work.resolve("hidden.7z"));
        assertThat(report.verdict()).isInstanceOf(Verdict.Unscannable.class);
        assertThat(report.findings()).extracting(HeuristicVerdictsTest::name).doesNotContain(ENCRYPTED_EXECUTABLE);
    }

    @Test
    void aProgramTwoZipsDeepIsANestedExecutable() throws IOException {
        copy(CLAM_EXE, work, "setup.exe");
        run(work, "zip", "-q", "inner.zip", "setup.exe");
        run(work, "zip", "-q", "outer.zip", "inner.zip");
        ScanReport report = scanMail("outer.zip", work.resolve("outer.zip"));
        ContainerPath program = path("outer.zip", "inner.zip", "setup.exe");
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious("Heuristic.Executable.PE", program),
                new Verdict.Suspicious(NESTED, program));
    }

    @Test
    void aProgramInOneZipIsNotNested() throws IOException {
        copy(CLAM_EXE, work, "setup.exe");
        run(work, "zip", "-q", "setup.zip", "setup.exe");
        ScanReport report = scanMail("setup.zip", work.resolve("setup.zip"));
        assertThat(report.findings()).extracting(HeuristicVerdictsTest::name).doesNotContain(NESTED);
    }

    @Test
    void documentsTwoZipsDeepAreClean() throws IOException {
        Files.write(work.resolve("minutes.txt"), TEXT);
        run(work, "zip", "-q", "inner.zip", "minutes.txt");
        run(work, "zip", "-q", "outer.zip", "inner.zip");
        ScanReport report = scanMail("outer.zip", work.resolve("outer.zip"));
        assertThat(report.verdict()).isEqualTo(Verdict.clean());
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void anEntryExpandingPastTheRatioLimitIsABombAndStaysUnscannable() throws IOException {
        run(work, "sh", "-c", "head -c 8388608 /dev/zero > zeros.bin && zip -q -9 zeros.zip zeros.bin");
        ScanLimits limits = new ScanLimits(16, 100, 1L << 30, 64L << 20, 100, Duration.ofMinutes(1), 1 << 20);
        ScanReport report = scanMail(mail("zeros.zip", Files.readAllBytes(work.resolve("zeros.zip"))), limits);
        ContainerPath entry = path("zeros.zip", "zeros.bin");
        assertThat(report.verdict()).isEqualTo(new Verdict.Unscannable("Heuristics.Limits.Exceeded.MaxRatio", entry));
        assertThat(report.findings()).contains(new Verdict.Suspicious(BOMB, entry));
    }

    @Test
    void archivesNestedPastTheRecursionLimitAreABomb() throws IOException {
        Files.write(work.resolve("core.txt"), TEXT);
        run(work, "zip", "-q", "level6.zip", "core.txt");
        for (int level = 5; level >= 1; level--) {
            run(work, "zip", "-q", "level" + level + ".zip", "level" + (level + 1) + ".zip");
        }
        ScanLimits limits = new ScanLimits(5, 100, 1L << 30, 64L << 20, 1000, Duration.ofMinutes(1), 1 << 20);
        ScanReport report = scanMail(mail("level1.zip", Files.readAllBytes(work.resolve("level1.zip"))), limits);
        assertThat(report.verdict()).isInstanceOf(Verdict.Unscannable.class);
        assertThat(report.findings()).extracting(HeuristicVerdictsTest::name)
                .containsExactly("Heuristics.Limits.Exceeded.MaxRecursion", BOMB);
    }

    @Test
    void aShallowLimitReachedByTwoArchivesIsNoBomb() throws IOException {
        Files.write(work.resolve("minutes.txt"), TEXT);
        run(work, "zip", "-q", "inner.zip", "minutes.txt");
        run(work, "zip", "-q", "outer.zip", "inner.zip");
        ScanLimits limits = new ScanLimits(2, 100, 1L << 30, 64L << 20, 1000, Duration.ofMinutes(1), 1 << 20);
        ScanReport report = scanMail(mail("outer.zip", Files.readAllBytes(work.resolve("outer.zip"))), limits);
        assertThat(report.verdict()).isEqualTo(
                new Verdict.Unscannable("Heuristics.Limits.Exceeded.MaxRecursion", path("outer.zip", "inner.zip")));
        assertThat(report.findings()).extracting(HeuristicVerdictsTest::name).doesNotContain(BOMB);
    }
}
