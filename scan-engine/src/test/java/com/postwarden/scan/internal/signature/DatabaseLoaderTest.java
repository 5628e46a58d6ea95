package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLoaderTest {
    private static final CvdBuilder.TestKey KEY = CvdBuilder.TestKey.generate();
    private static final String MD5 = HexFormat.of().formatHex(
            HashAlgorithm.MD5.newDigest().digest("x".getBytes(StandardCharsets.US_ASCII)));

    @TempDir
    Path dir;

    private void write(String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
    }

    private LoadedSignatures load(Map<SourceFile, HashTables> previous) throws Exception {
        return new DatabaseLoader(KEY.verifier()).load(dir, previous);
    }

    @Test
    void badLinesOfEveryKindAreSkippedByReasonAndTheGoodOnesLoad() throws Exception {
        write("a.hdb", MD5 + ":1:Good.Hdb", "nonsense", MD5 + ":x:Bad.Size", "# a comment");
        write("b.hsb", HexFormat.of().formatHex(HashAlgorithm.SHA256.newDigest().digest(new byte[1])) + ":1:Good.Hsb",
                "abcd:1:Short");
        write("c.ndb", "Good.Ndb:0:*:41424344", "Bad.Offset:0:VI:41424344", "Bad.Hex:0:*:4142zz",
                "Bad.Target:0:EP+1:41424344", "Too.New:0:*:41424344:255", "Short:0:*:41??");
        write("d.ldb", "Good.Ldb;Target:0;0&1;41424344;45464748",
                "Bad.Pcre;Target:0;0&1;41424344;0/a(?R)/", "Bad.Macro;Target:0;0&1;41424344;${1-2}3$",
                "Bad.Container;Target:0,Container:CL_TYPE_ZIP;0;41424344", "Bad.Expression;Target:0;0&;41424344");
        write("e.fp", MD5 + ":1:Known.Good", "bad");
        write("f.ign2", "Dropped.Ndb", "Bad:md5");
        write("g.ndb", "Dropped.Ndb:0:*:4a4b4c4d");
        write("h.mdb", "1234:" + MD5 + ":Section.Hash", "5678:" + MD5 + ":Other");
        write("README.txt", "not a database");
        write("daily.info", "ClamAV-VDB:whatever");

        LoadedSignatures loaded = load(Map.of());

        assertThat(loaded.loaded()).containsOnly(entry("hdb", 1L), entry("hsb", 1L), entry("ndb", 3L),
                entry("ldb", 1L), entry("fp", 1L), entry("ign2", 1L));
        assertThat(loaded.skipped()).containsOnly(
                entry("hdb: malformed line", 1L),
                entry("hdb: malformed size", 1L),
                entry("hsb: malformed hash", 1L),
                entry("ndb: unsupported offset type VI", 1L),
                entry("ndb: malformed hex signature", 1L),
                entry("ndb: entry-point or section offset without target type 1", 1L),
                entry("ndb: requires functionality level 255 (engine has 210)", 1L),
                entry("ldb: PCRE subsignature with unsupported construct", 1L),
                entry("ldb: macro subsignature unsupported", 1L),
                entry("ldb: target description Container unsupported", 1L),
                entry("ldb: malformed logical expression", 1L),
                entry("fp: malformed line", 1L),
                entry("ign2: malformed MD5", 1L),
                entry("mdb: signature type unsupported", 2L));
        assertThat(loaded.body()).extracting(BodySignature::name).containsExactly("Good.Ndb", "Short");
        assertThat(loaded.logical()).extracting(LogicalSignature::name).containsExactly("Good.Ldb");
        assertThat(loaded.ignored()).isEqualTo(1);
        assertThat(loaded.refused()).isEmpty();
    }

    @Test
    void aTamperedCvdIsRefusedWhileTheRestLoads() throws Exception {
        Files.write(dir.resolve("main.cvd"), new CvdBuilder().name("main").version(62)
                .file("main.ndb", "Main.Ndb:0:*:41424344\n").cvd(KEY));
        Files.write(dir.resolve("daily.cvd"), new CvdBuilder().name("daily").version(27800)
                .file("daily.ndb", "Daily.Ndb:0:*:45464748\n").cvdClaimingMd5(KEY, MD5));
        write("local.ndb", "Local.Ndb:0:*:494a4b4c");

        LoadedSignatures loaded = load(Map.of());

        assertThat(loaded.refused()).containsOnly(entry("daily.cvd", "cvd: MD5 of the body does not match the header"));
        assertThat(loaded.skipped()).containsEntry("cvd: MD5 of the body does not match the header", 1L);
        assertThat(loaded.body()).extracting(BodySignature::name).containsExactlyInAnyOrder("Main.Ndb", "Local.Ndb");
        assertThat(loaded.version()).isEqualTo(62);
    }

    @Test
    void versionAndTimestampComeFromContainerHeadersAndFileTimes() throws Exception {
        Files.write(dir.resolve("daily.cld"), new CvdBuilder().name("daily").version(27801)
                .file("daily.hdb", MD5 + ":1:Daily.Hdb\n").cld());
        write("local.ndb", "Local.Ndb:0:*:494a4b4c");
        Instant later = Instant.parse("2027-01-01T00:00:00Z");
        Files.setLastModifiedTime(dir.resolve("local.ndb"), FileTime.from(later));

        LoadedSignatures loaded = load(Map.of());

        assertThat(loaded.version()).isEqualTo(27801);
        assertThat(loaded.timestamp()).isEqualTo(later);
        assertThat(loaded.loaded()).containsEntry("hdb", 1L).containsEntry("ndb", 1L);
    }

    @Test
    void ofACvdAndCldWithOneNameOnlyTheNewerLoads() throws Exception {
        Files.write(dir.resolve("daily.cvd"), new CvdBuilder().name("daily").version(100)
                .file("daily.ndb", "Old:0:*:41424344\n").cvd(KEY));
        Files.write(dir.resolve("daily.cld"), new CvdBuilder().name("daily").version(101)
                .file("daily.ndb", "New:0:*:41424344\n").cld());

        LoadedSignatures loaded = load(Map.of());

        assertThat(loaded.body()).extracting(BodySignature::name).containsExactly("New");
        assertThat(loaded.version()).isEqualTo(101);
    }

    @Test
    void unchangedHashFilesAreTakenOverOnReload() throws Exception {
        write("big.hdb", MD5 + ":1:Big.Hdb");
        write("small.hdb", MD5 + ":2:Small.Hdb");
        LoadedSignatures first = load(Map.of());
        write("small.hdb", MD5 + ":3:Small.Hdb.Changed");
        Files.setLastModifiedTime(dir.resolve("small.hdb"), FileTime.from(Instant.parse("2027-02-02T00:00:00Z")));

        LoadedSignatures second = load(first.hashTables());

        SourceFile big = SourceFile.of(dir.resolve("big.hdb"));
        SourceFile small = SourceFile.of(dir.resolve("small.hdb"));
        assertThat(second.hashTables().get(big)).isSameAs(first.hashTables().get(big));
        assertThat(second.hashTables().get(small)).isNotSameAs(first.hashTables().values().stream()
                .filter(t -> t != first.hashTables().get(big)).findFirst().orElseThrow());
        assertThat(second.hashTables().get(small).detect().get(HashAlgorithm.MD5).covers(3)).isTrue();
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(second.loaded()).containsEntry("hdb", 2L);
    }

    @Test
    void theFingerprintFollowsDatabaseFilesOnly() throws Exception {
        write("a.ndb", "A:0:*:41424344");
        String before = DatabaseLoader.fingerprint(dir);
        write("notes.txt", "ignored");

        assertThat(DatabaseLoader.fingerprint(dir)).isEqualTo(before);
        write("b.ndb", "B:0:*:41424344");
        assertThat(DatabaseLoader.fingerprint(dir)).isNotEqualTo(before);
        assertThat(load(Map.of()).fingerprint()).isEqualTo(DatabaseLoader.fingerprint(dir));
    }

    @Test
    void anEmptyDirectoryLoadsNothing() throws Exception {
        LoadedSignatures loaded = load(Map.of());

        assertThat(loaded.loaded()).isEmpty();
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.timestamp()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void theBodyAndLogicalSignaturesAreFinalBeforeTheHashFilesAreMerged() throws Exception {
        write("a.hdb", MD5 + ":1:A.Hdb");
        write("b.ndb", "Kept:0:*:41424344", "Dropped:0:*:45464748");
        write("c.ldb", "Good.Ldb;Target:0;0&1;41424344;45464748");
        write("d.ign2", "Dropped");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            PendingLoad load = new DatabaseLoader(KEY.verifier()).start(dir, Map.of(), threads);

            PatternSignatures patterns = load.patterns();
            assertThat(patterns.body()).extracting(BodySignature::name).containsExactly("Kept");
            assertThat(patterns.logical()).extracting(LogicalSignature::name).containsExactly("Good.Ldb");
            LoadedSignatures loaded = load.finish();
            assertThat(loaded.body()).extracting(BodySignature::name).containsExactly("Kept");
            assertThat(loaded.loaded()).isEqualTo(load(Map.of()).loaded());
            assertThat(loaded.ignored()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCompilerDrainsTheBodySignaturesInOrder() throws Exception {
        write("b.ndb", "First:0:*:41424344", "Second:0:*:45464748");
        PatternSignatures patterns = new DatabaseLoader(KEY.verifier()).start(dir, Map.of(), Runnable::run)
                .patterns();
        java.util.List<String> seen = new java.util.ArrayList<>();

        patterns.drainBody((signature, index) -> seen.add(index + ":" + signature.name()));

        assertThat(seen).containsExactly("0:First", "1:Second");
        assertThat(patterns.body()).isEmpty();
    }
}
