package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The containers {@link CvdBuilder} makes are the ones ClamAV reads: {@code clamscan} (Debian package
 * {@code clamav}) loads such a {@code .cud} (the unsigned container; a {@code .cld} would need ClamAV's private
 * key for its {@code .info} list) and detects with it, and refuses such a {@code .cvd} for its digital signature,
 * as our loader does with ClamAV's key.
 */
class ContainerCompatibilityTest {
    private static final CvdBuilder.TestKey KEY = CvdBuilder.TestKey.generate();

    @TempDir
    Path dir;

    private static CvdBuilder database() {
        return new CvdBuilder().name("compat").file("compat.ndb", "Compat.Test:0:*:436f6d70617469626c65\n");
    }

    @Test
    void clamscanAndOurLoaderBothReadABuiltCud() throws Exception {
        Path database = Files.createDirectories(dir.resolve("db"));
        Files.write(database.resolve("compat.cud"), database().cud());
        Path sample = Files.writeString(dir.resolve("sample"), "xx Compatible xx\0\1", StandardCharsets.ISO_8859_1);

        assertThat(clamscan(database, sample)).contains("Compat.Test.UNOFFICIAL FOUND");
        LoadedSignatures loaded = new DatabaseLoader(CvdSignatureVerifier.CLAMAV).load(database, Map.of());
        assertThat(loaded.loaded()).containsEntry("ndb", 1L);
        assertThat(loaded.refused()).isEmpty();
    }

    @Test
    void clamscanAndOurLoaderBothRefuseACvdNotSignedByClamav() throws Exception {
        Path database = Files.createDirectories(dir.resolve("db"));
        Files.write(database.resolve("compat.cvd"), database().cvd(KEY));
        Path sample = Files.writeString(dir.resolve("sample"), "xx Compatible xx\0\1", StandardCharsets.ISO_8859_1);

        assertThat(clamscan(database, sample)).containsIgnoringCase("verif").doesNotContain("FOUND");
        LoadedSignatures loaded = new DatabaseLoader(CvdSignatureVerifier.CLAMAV).load(database, Map.of());
        assertThat(loaded.refused()).containsEntry("compat.cvd", "cvd: digital signature does not verify");
        assertThat(new DatabaseLoader(KEY.verifier()).load(database, Map.of()).loaded()).containsEntry("ndb", 1L);
    }

    private static String clamscan(Path database, Path sample) throws Exception {
        Path clamscan = Path.of("/usr/bin/clamscan");
        assertThat(clamscan).as("clamscan (Debian package clamav) is needed").isExecutable();
        Process process = new ProcessBuilder(clamscan.toString(), "--no-summary", "-d", database.toString(),
                sample.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
