package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.match.MatchResult;
import com.postwarden.scan.internal.signature.CvdBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureDatabaseTest {
    private static final byte[] CLAM_EXE = read("/usr/share/clamav-testfiles/clam.exe");
    private static final String CLAM_EXE_MD5 = "aa15bcf478d165efd2065190eb473bcb";

    @TempDir
    Path dir;

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MatchResult match(SignatureDatabase database, byte[] bytes, FileType type) {
        return database.matcher().match(Content.of(bytes), type);
    }

    @Test
    void aDirectoryOfEveryTypeLoadsAndMatches() throws Exception {
        Files.writeString(dir.resolve("test.hdb"), CLAM_EXE_MD5 + ":544:Test.ClamExe.Hdb\n");
        Files.writeString(dir.resolve("test.ndb"), "Test.Body:0:*:434c414d657373616765426f7841\n");
        Files.writeString(dir.resolve("test.ldb"), "Test.Logical;Engine:51-255,Target:1;0&1;4b45524e454c;55534552\n");
        Files.writeString(dir.resolve("local.ign2"), "Test.Body\n");

        SignatureDatabase database = SignatureDatabase.load(dir);

        assertThat(database.info().loaded()).containsOnly(entry("hdb", 1L), entry("ndb", 1L), entry("ldb", 1L),
                entry("ign2", 1L));
        assertThat(database.info().ignored()).isEqualTo(1);
        assertThat(database.info().fingerprint()).isEqualTo(SignatureDatabase.fingerprint(dir));
        assertThat(match(database, CLAM_EXE, FileType.PE)).isEqualTo(new MatchResult.Detected("Test.Logical"));
        assertThat(match(database, CLAM_EXE, FileType.BINARY)).isEqualTo(new MatchResult.Detected("Test.ClamExe.Hdb"));
        assertThat(match(database, "clean".getBytes(StandardCharsets.US_ASCII), FileType.TEXT))
                .isEqualTo(MatchResult.NoMatch.INSTANCE);
    }

    @Test
    void badLinesAreReportedByReasonNotFatal() throws Exception {
        Files.writeString(dir.resolve("bad.ndb"), "Good:0:*:41424344\nBad:0:VI:41424344\nNoStatic:0:*:41??42\n");

        DatabaseInfo info = SignatureDatabase.load(dir).info();

        assertThat(info.skipped()).containsOnly(entry("ndb: unsupported offset type VI", 1L),
                entry("ndb: no static part of two bytes", 1L));
        assertThat(info.skippedTotal()).isEqualTo(2);
        assertThat(info.loadedTotal()).isEqualTo(2);
    }

    @Test
    void aCvdSignedWithTheTrustedKeyLoadsAndATamperedOneIsRefused() throws Exception {
        CvdBuilder.TestKey key = CvdBuilder.TestKey.generate();
        Files.write(dir.resolve("main.cvd"), new CvdBuilder().name("main").version(63)
                .file("main.hdb", CLAM_EXE_MD5 + ":544:Main.ClamExe\n").cvd(key));
        byte[] daily = new CvdBuilder().name("daily").version(27900).file("daily.ndb", "Daily:0:*:41424344\n").cvd(key);
        daily[daily.length - 40] ^= 1;
        Files.write(dir.resolve("daily.cvd"), daily);

        SignatureDatabase database = SignatureDatabase.load(dir, null, key.verifier());

        assertThat(database.info().version()).isEqualTo(63);
        assertThat(database.info().refused()).containsOnlyKeys("daily.cvd");
        assertThat(match(database, CLAM_EXE, FileType.PE)).isEqualTo(new MatchResult.Detected("Main.ClamExe"));
        assertThat(SignatureDatabase.load(dir).info().refused())
                .containsEntry("main.cvd", "cvd: digital signature does not verify");
    }

    @Test
    void aReloadTakesOverUnchangedHashFilesAndSeesChangedOnes() throws Exception {
        Files.writeString(dir.resolve("big.hdb"), CLAM_EXE_MD5 + ":544:Big.ClamExe\n");
        Files.writeString(dir.resolve("local.ndb"), "Old.Body:0:*:41424344\n");
        SignatureDatabase first = SignatureDatabase.load(dir);
        Files.writeString(dir.resolve("local.ndb"), "New.Body:0:*:41424344\n");
        Files.setLastModifiedTime(dir.resolve("local.ndb"), FileTime.from(Instant.parse("2027-03-03T00:00:00Z")));

        assertThat(SignatureDatabase.fingerprint(dir)).isNotEqualTo(first.info().fingerprint());
        SignatureDatabase second = SignatureDatabase.load(dir, first);

        assertThat(match(second, "xxABCDxx".getBytes(StandardCharsets.US_ASCII), FileType.BINARY))
                .isEqualTo(new MatchResult.Detected("New.Body"));
        assertThat(match(second, CLAM_EXE, FileType.BINARY)).isEqualTo(new MatchResult.Detected("Big.ClamExe"));
        assertThat(match(first, "xxABCDxx".getBytes(StandardCharsets.US_ASCII), FileType.BINARY))
                .isEqualTo(new MatchResult.Detected("Old.Body"));
        assertThat(second.info().timestamp()).isEqualTo(Instant.parse("2027-03-03T00:00:00Z"));
    }

    @Test
    void aMissingDirectoryFailsTheLoad() {
        assertThatThrownBy(() -> SignatureDatabase.load(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theClamavTestFileIsDetectedByItsHashesAndBody() throws Exception {
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(CLAM_EXE));
        Files.writeString(dir.resolve("test.hsb"), sha256 + ":544:ClamExe.Sha256\n");

        SignatureDatabase database = SignatureDatabase.load(dir);

        assertThat(match(database, CLAM_EXE, FileType.PE)).isEqualTo(new MatchResult.Detected("ClamExe.Sha256"));
    }
}
