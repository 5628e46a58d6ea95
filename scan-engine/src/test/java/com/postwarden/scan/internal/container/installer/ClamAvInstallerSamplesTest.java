package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.assertYieldsClamExe;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ClamAV's own test files (Debian package clamav-testfiles) of installers and executables carrying others. */
class ClamAvInstallerSamplesTest {

    @ParameterizedTest(name = "{0} yields clam.exe as {1}")
    @CsvSource({
        "clam-fsg.exe,        PE > PE",
        "clam_IScab_ext.exe,  PE > PE",
        "clam_IScab_int.exe,  PE > PE",
        "clam.sis,            SIS > PE",
        "clam-nsis.exe,       PE > NSIS > PE",
        "clam_ISmsi_ext.exe,  PE > ISHIELD_MSI > PE",
        "clam_ISmsi_int.exe,  PE > ISHIELD_MSI > OLE2 > CAB > PE",
        "clam.ea05.exe,       PE > AUTOIT > PE",
        "clam.ea06.exe,       PE > AUTOIT > PE",
    })
    void sampleYieldsClamExeByteExactAtTheExpectedNesting(String file, String chain) throws IOException {
        assertYieldsClamExe(clamAvTestFile(file), chain);
    }
}
