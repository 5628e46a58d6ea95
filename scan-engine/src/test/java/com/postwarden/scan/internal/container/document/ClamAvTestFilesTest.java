package com.postwarden.scan.internal.container.document;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.assertYieldsClamExe;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ClamAV's own test files (Debian package clamav-testfiles) of the document, text and mail formats. */
class ClamAvTestFilesTest {

    @ParameterizedTest(name = "{0} yields clam.exe as {1}")
    @CsvSource({
        "clam.ole.doc,         OLE2 > PE",
        "clam.ppt,             OLE2 > OLE2 > PE",
        "clam.pdf,             PDF > PE",
        "clam.exe.rtf,         RTF > PE",
        "clam.tnef,            TNEF > PE",
        "clam.exe.html,        HTML > PE",
        "clam.exe.binhex,      BINHEX > PE",
        "clam.mail,            MAIL > PE",
        "clam.exe.mbox.base64, MAIL > PE",
        "clam.exe.mbox.uu,     MAIL > UUENCODE > PE",
    })
    void sampleYieldsClamExeByteExactAtTheExpectedNesting(String file, String chain) throws IOException {
        assertYieldsClamExe(clamAvTestFile(file), chain);
    }
}
