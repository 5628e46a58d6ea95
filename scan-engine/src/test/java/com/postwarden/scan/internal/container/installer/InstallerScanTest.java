package com.postwarden.scan.internal.container.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.ScanEngine;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.SignatureDatabase;
import com.postwarden.scan.Verdict;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole engine with a one-line hash database of clam.exe, as {@code postwarden scan --db} runs it: each
 * installer sample is infected where clam.exe lies inside it; Windows binaries carrying nothing stay clean.
 */
class InstallerScanTest {
    private static final String SIGNATURE = "ClamAV-Test-File";

    @TempDir
    static Path databaseDirectory;
    @TempDir
    Path temporary;

    private static SignatureDatabase database;

    @BeforeAll
    static void loadClamExeHash() throws IOException {
        Files.writeString(databaseDirectory.resolve("clam.hdb"), RecursiveUnpacking.CLAM_EXE_MD5 + ":544:" + SIGNATURE + "\n");
        database = SignatureDatabase.load(databaseDirectory);
    }

    private ScanReport scan(Path file) throws IOException {
        return ScanEngine.builder(database).temporaryDirectory(temporary).build().scan(file);
    }

    /** {@code *} in a path stands for one entry name: the cabinet's MSI stream name, whose decoding is the OLE2 unpacker's. */
    @ParameterizedTest(name = "{0} is infected at {1}")
    @CsvSource({
        "clam-fsg.exe,        pe@6112",
        "clam_IScab_ext.exe,  Disk1\\clam.exe",
        "clam_IScab_int.exe,  clam.exe",
        "clam.sis,            !:\\clam.exe",
        "clam-nsis.exe,       nsis@46080!file-1",
        "clam_ISmsi_ext.exe,  installshield@915561!clam.exe409.bmp",
        "clam_ISmsi_int.exe,  installshield@915561!clam.msi!*!clam.exe",
        "clam.ea05.exe,       autoit@206848!C:\\clam.exe",
        "clam.ea06.exe,       autoit@252928!C:\\clam.exe",
    })
    void installerIsInfectedWhereClamExeLies(String sample, String inside) throws IOException {
        Path file = RecursiveUnpacking.CLAMAV_TESTFILES.resolve(sample);

        Verdict verdict = scan(file).verdict();

        assertThat(verdict).isInstanceOf(Verdict.Infected.class);
        Verdict.Infected infected = (Verdict.Infected) verdict;
        assertThat(infected.signature()).isEqualTo(SIGNATURE);
        String pattern = Arrays.stream((file + "!" + inside).split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining("[^!]+"));
        assertThat(infected.path().toString()).matches(pattern);
    }

    static List<Path> windowsBinaries() {
        return InstallerSamples.windowsBinaries();
    }

    @ParameterizedTest
    @MethodSource("windowsBinaries")
    void windowsBinaryCarryingNothingIsClean(Path binary) throws IOException {
        assertThat(scan(binary).verdict()).isInstanceOf(Verdict.Clean.class);
    }
}
