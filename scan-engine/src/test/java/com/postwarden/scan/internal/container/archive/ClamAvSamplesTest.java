package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ClamAV's own test files (Debian package clamav-testfiles) each give back ClamAV's test program, byte for byte. */
class ClamAvSamplesTest {

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({
        "clam.zip,         clam.zip!clam.exe",
        "clam.bz2.zip,     clam.bz2.zip!clam.exe",
        "clam.d64.zip,     clam.d64.zip!clam.exe",
        "clam.impl.zip,    clam.impl.zip!CLAM.EXE",
        "clam.7z,          clam.7z!clam.exe",
        "clam.tar.gz,      clam.tar.gz!clam.tar!clam.exe",
        "clam.exe.bz2,     clam.exe.bz2!clam.exe",
        "clam.bin-be.cpio, clam.bin-be.cpio!clam.exe",
        "clam.bin-le.cpio, clam.bin-le.cpio!clam.exe",
        "clam.odc.cpio,    clam.odc.cpio!clam.exe",
        "clam.newc.cpio,   clam.newc.cpio!clam.exe",
        "clam.exe.szdd,    clam.exe.szdd!data",
    })
    void sampleYieldsClamExe(String sample, String path) throws IOException {
        byte[] bytes = Samples.read(Samples.CLAMAV.resolve(sample));

        Map<String, byte[]> leaves = Extraction.leaves(sample, bytes);

        assertThat(leaves).containsOnlyKeys(path);
        assertThat(leaves.get(path)).hasSize(544);
        assertThat(Samples.md5(leaves.get(path))).isEqualTo(Samples.CLAM_EXE_MD5);
    }
}
