package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity with ClamAV on its own test files (Debian package clamav-testfiles): with the same one-signature
 * database, {@code postwarden scan} must detect ClamAV's test program in every file that {@code clamscan}
 * detects it in with PE unpacking switched off, through the same containers (installers included), and
 * nothing clamscan does not also find with PE unpacking on. Also: no detection on clean system files.
 */
class ClamAvParityIT {
    private static final Path TESTFILES = Path.of("/usr/share/clamav-testfiles");
    private static final Pattern FOUND = Pattern.compile("^(.*): (\\S+) FOUND$");
    private static final Pattern JSON_FILE = Pattern.compile(
            "\\{\"type\":\"file\",\"path\":\"([^\"]+)\",\"verdict\":\"(\\w+)\"(?:,\"signature\":\"([^\"]+)\")?");

    @TempDir
    static Path work;

    @BeforeAll
    static void writeOracleDatabases() throws IOException {
        byte[] clamExe = Files.readAllBytes(TESTFILES.resolve("clam.exe"));
        Files.createDirectories(work.resolve("hdb"));
        Files.writeString(work.resolve("hdb/oracle.hdb"), md5(clamExe) + ":" + clamExe.length + ":Oracle.Hdb.ClamExe\n");
        Files.createDirectories(work.resolve("ndb"));
        // the same 64-byte code run of clam.exe that bench/scan's oracle uses
        String body = HexFormat.of().formatHex(Arrays.copyOfRange(clamExe, 0x40, 0x80));
        Files.writeString(work.resolve("ndb/oracle.ndb"), "Oracle.Ndb.ClamExe:0:*:" + body + "\n");
    }

    @ParameterizedTest(name = "{0} database")
    @ValueSource(strings = {"hdb", "ndb"})
    void everyFileClamscanDetectsIsDetected(String database) throws IOException {
        Path db = work.resolve(database);
        Set<String> clamscan = clamscanDetections(db, false);
        assertThat(clamscan).as("clamscan's detections").hasSizeGreaterThan(30);
        Map<String, String> postwarden = postwardenVerdicts(db);

        List<String> missed = new ArrayList<>();
        for (String file : clamscan) {
            if (!postwarden.getOrDefault(file, "").startsWith("infected")) {
                missed.add(file + " (" + postwarden.getOrDefault(file, "no result") + ")");
            }
        }
        assertThat(missed).as("files clamscan detects but postwarden scan does not").isEmpty();
        // beyond that, only what clamscan also finds once it unpacks executables (embedded PEs, installers)
        Set<String> clamscanWithPe = clamscanDetections(db, true);
        assertThat(postwarden.entrySet().stream().filter(e -> e.getValue().startsWith("infected"))
                .map(Map.Entry::getKey)).as("no detection clamscan does not make").allMatch(clamscanWithPe::contains);
    }

    @Test
    void cleanSystemFilesGiveNoDetection() throws IOException {
        List<String> files = cleanCorpus(150L << 20);
        assertThat(files).hasSizeGreaterThan(200);
        Path both = Files.createDirectories(work.resolve("both"));
        Files.copy(work.resolve("hdb/oracle.hdb"), both.resolve("oracle.hdb"));
        Files.copy(work.resolve("ndb/oracle.ndb"), both.resolve("oracle.ndb"));
        List<String> command = new ArrayList<>(List.of(launcher(), "scan", "--db", both.toString()));
        command.addAll(files);
        ExternalCommand.Result result = ExternalCommand.run(Duration.ofMinutes(10), new byte[0], command);
        List<String> found = result.output().lines().filter(line -> line.endsWith(" FOUND")).toList();
        assertThat(found).as("detections on clean files").isEmpty();
        assertThat(result.exitCode()).as(result.output().lines().filter(l -> l.endsWith("ERROR")).toList().toString())
                .isZero();
        assertThat(result.output()).contains("Scanned files: " + files.size());
    }

    private static Set<String> clamscanDetections(Path db, boolean peScanning) throws IOException {
        ExternalCommand.Result result = ExternalCommand.run(Duration.ofMinutes(5), "clamscan", "--no-summary",
                "--disable-cache", "--scan-pe=" + (peScanning ? "yes" : "no"), "-d", db.toString(), "-r",
                TESTFILES.toString());
        assertThat(result.exitCode()).as(result.describe()).isIn(0, 1);
        Set<String> detected = new TreeSet<>();
        for (String line : result.output().lines().toList()) {
            Matcher m = FOUND.matcher(line);
            if (m.matches()) {
                detected.add(Path.of(m.group(1)).getFileName().toString());
            }
        }
        return detected;
    }

    /** File name to "infected SIGNATURE", "clean" or "unscannable". */
    private static Map<String, String> postwardenVerdicts(Path db) throws IOException {
        ExternalCommand.Result result = ExternalCommand.run(Duration.ofMinutes(5), launcher(), "scan", "--db",
                db.toString(), "--json", TESTFILES.toString());
        assertThat(result.exitCode()).as(result.describe()).isIn(0, 1);
        Map<String, String> verdicts = new TreeMap<>();
        for (String line : result.output().lines().toList()) {
            Matcher m = JSON_FILE.matcher(line);
            if (m.find()) {
                String verdict = m.group(2) + (m.group(3) == null ? "" : " " + m.group(3));
                verdicts.put(Path.of(m.group(1)).getFileName().toString(), verdict);
            }
        }
        return verdicts;
    }

    /** Ordinary files of the machine: documentation, shared libraries and jars, bounded in total size. */
    private static List<String> cleanCorpus(long maxBytes) throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Path.of("/usr/share/doc"), Path.of("/usr/lib/x86_64-linux-gnu"),
                Path.of("/usr/share/java"), Path.of(System.getProperty("java.home"), "lib")));
        List<String> files = new ArrayList<>();
        long total = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            long budget = maxBytes / roots.size();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(Files::isReadable).sorted().toList()) {
                    long size = Files.size(file);
                    if (size > 20L << 20 || size > budget) {
                        continue;
                    }
                    budget -= size;
                    total += size;
                    files.add(file.toString());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        assertThat(total).isPositive();
        return files;
    }

    private static String launcher() {
        return GatewayProcess.distribution().resolve("bin/postwarden").toString();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
