package com.postwarden.scan;

import static com.postwarden.scan.HeuristicSamples.BIN_TRUE;
import static com.postwarden.scan.HeuristicSamples.CLAM_EXE;
import static com.postwarden.scan.HeuristicSamples.mail;
import static com.postwarden.scan.HeuristicSamples.read;
import static com.postwarden.scan.HeuristicSamples.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Executable content, deceptive names and type contradictions in attachments, with the default settings. */
class ExecutableHeuristicsTest {
    private static final byte[] TEXT = "Minutes of the meeting: budget approved.\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path databaseDir;
    @TempDir
    Path temp;

    private static SignatureDatabase database;

    @BeforeAll
    static void load() throws IOException {
        database = HeuristicSamples.eicarOnlyDatabase(databaseDir);
    }

    private ScanReport scanMail(byte[] message) throws IOException {
        return HeuristicSamples.scanMail(HeuristicSamples.engine(database, temp, HeuristicSettings.defaults()),
                message);
    }

    private static ContainerPath attachment(String name) {
        return ContainerPath.of("msg").child(name);
    }

    private static Verdict suspicious(String detection, String name) {
        return new Verdict.Suspicious(detection, attachment(name));
    }

    @Test
    void aWindowsProgramAttachedUnderItsOwnNameIsSuspicious() throws IOException {
        ScanReport report = scanMail(mail("setup.exe", read(CLAM_EXE)));
        assertThat(report.verdict()).isEqualTo(suspicious("Heuristic.Executable.PE", "setup.exe"));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.PE", "setup.exe"));
    }

    @Test
    void aLinuxProgramIsRecognisedByItsBytesWhateverItsName() throws IOException {
        ScanReport report = scanMail(mail("notes", read(BIN_TRUE)));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.ELF", "notes"));
    }

    @Test
    void aProgramNamedAndDeclaredAsADocumentIsATypeMismatch() throws IOException {
        ScanReport report = scanMail(mail("invoice.pdf", "application/pdf", read(CLAM_EXE)));
        assertThat(report.findings()).containsExactly(
                suspicious("Heuristic.Executable.PE", "invoice.pdf"),
                suspicious("Heuristic.Type.Mismatch", "invoice.pdf"));
    }

    @Test
    void aProgramDeclaredAsAPictureUnderAProgramNameIsATypeMismatchToo() throws IOException {
        ScanReport report = scanMail(mail("viewer.exe", "image/jpeg", read(CLAM_EXE)));
        assertThat(report.findings()).contains(suspicious("Heuristic.Type.Mismatch", "viewer.exe"));
    }

    @Test
    void aProgramSentAsGenericBinaryDataContradictsNothing() throws IOException {
        ScanReport report = scanMail(mail("tool.exe", "application/octet-stream", read(CLAM_EXE)));
        assertThat(report.findings()).extracting(HeuristicVerdictsTest::name)
                .doesNotContain("Heuristic.Type.Mismatch");
    }

    @Test
    void aJarBuiltByTheJarToolIsAJavaProgram(@TempDir Path work) throws IOException {
        Files.write(work.resolve("readme.txt"), TEXT);
        run(work, "jar", "cf", "app.jar", "readme.txt");
        ScanReport report = scanMail(mail("app.zip", "application/zip", Files.readAllBytes(work.resolve("app.jar"))));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.Jar", "app.zip"));
    }

    @Test
    void aCompiledJavaClassIsAJavaProgram() throws IOException {
        byte[] compiled;
        try (InputStream in = ExecutableHeuristicsTest.class.getResourceAsStream("ExecutableHeuristicsTest.class")) {
            compiled = in.readAllBytes();
        }
        ScanReport report = scanMail(mail("Update.class", compiled));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.JavaClass", "Update.class"));
    }

    @Test
    void aWindowsInstallerPackageBuiltByWixlIsRecognisedByItsClsid(@TempDir Path work) throws IOException {
        Files.write(work.resolve("readme.txt"), TEXT);
        Files.writeString(work.resolve("sample.wxs"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Sample" Language="1033" Version="1.0.0" Manufacturer="Example"
                           UpgradeCode="3f0b7c1e-0d1a-4c3b-9d55-6a1f4e1c2b10">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="sample.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLDIR" Name="Sample">
                          <Component Id="Readme" Guid="5b9a4c7e-2f1d-4e8a-b3c6-0d7e9f1a2b3c">
                            <File Id="ReadmeFile" Name="readme.txt" Source="readme.txt"/>
                          </Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Readme"/></Feature>
                  </Product>
                </Wix>
                """);
        run(work, "wixl", "-o", "sample.msi", "sample.wxs");
        ScanReport report = scanMail(mail("update.doc", Files.readAllBytes(work.resolve("sample.msi"))));
        assertThat(report.findings()).contains(suspicious("Heuristic.Executable.MSI", "update.doc"),
                suspicious("Heuristic.Type.Mismatch", "update.doc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"update.js", "run.vbs", "setup.hta", "install.ps1", "start.bat", "screen.scr"})
    void scriptsAreRecognisedByTheirName(String name) throws IOException {
        ScanReport report = scanMail(mail(name, "text/plain", "WScript.Echo(\"hello\");\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.Script", name));
    }

    @Test
    void aShortcutIsRecognisedByItsHeaderUnderAnyName() throws IOException {
        ScanReport report = scanMail(mail("photo.jpg", "image/jpeg", shellLinkHeader()));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.Shortcut", "photo.jpg"));
    }

    @Test
    void anIsoImageBuiltByGenisoimageIsRecognisedByItsVolumeDescriptor(@TempDir Path work) throws IOException {
        Files.createDirectories(work.resolve("cd"));
        Files.write(work.resolve("cd/readme.txt"), TEXT);
        run(work, "genisoimage", "-quiet", "-o", "disc.bin", "cd");
        ScanReport report = scanMail(mail("scan-0042.dat", Files.readAllBytes(work.resolve("disc.bin"))));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.DiskImage", "scan-0042.dat"));
    }

    @Test
    void aMachOObjectAssembledByLlvmIsAMacProgram(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("hello.s"), ".globl _hello\n_hello:\n    ret\n");
        run(work, "llvm-mc", "-triple", "x86_64-apple-macosx10.15", "-filetype=obj", "hello.s", "-o", "hello.o");
        ScanReport report = scanMail(mail("update.dat", Files.readAllBytes(work.resolve("hello.o"))));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.MachO", "update.dat"));
    }

    @Test
    void aVirtualDiskMadeByQemuImgIsADiskImage(@TempDir Path work) throws IOException {
        run(work, "qemu-img", "create", "-q", "-f", "vpc", "disk.bin", "1M");
        ScanReport report = scanMail(mail("backup.dat", Files.readAllBytes(work.resolve("disk.bin"))));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Executable.DiskImage", "backup.dat"));
    }

    @Test
    void aProgramInsideAZipAttachmentIsFound(@TempDir Path work) throws IOException {
        HeuristicSamples.copy(CLAM_EXE, work, "setup.exe");
        run(work, "zip", "-q", "setup.zip", "setup.exe");
        ScanReport report = scanMail(mail("setup.zip", Files.readAllBytes(work.resolve("setup.zip"))));
        assertThat(report.findings()).containsExactly(
                new Verdict.Suspicious("Heuristic.Executable.PE", attachment("setup.zip").child("setup.exe")));
    }

    @Test
    void aFileScanOfAProgramIsNotADelivery() throws IOException {
        ScanEngine engine = HeuristicSamples.engine(database, temp, HeuristicSettings.defaults());
        assertThat(engine.scan(BIN_TRUE).verdict()).isEqualTo(Verdict.clean());
        assertThat(engine.scan(CLAM_EXE).findings()).isEmpty();
    }

    @Test
    void aPlainTextReportIsClean() throws IOException {
        ScanReport report = scanMail(mail("report.txt", "text/plain", TEXT));
        assertThat(report.verdict()).isEqualTo(Verdict.clean());
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aZipOfDocumentsIsClean(@TempDir Path work) throws IOException {
        Files.write(work.resolve("minutes.txt"), TEXT);
        Files.writeString(work.resolve("budget.csv"), "item,amount\npaper,12\n");
        run(work, "zip", "-q", "documents.zip", "minutes.txt", "budget.csv");
        ScanReport report = scanMail(mail("documents.zip", "application/zip",
                Files.readAllBytes(work.resolve("documents.zip"))));
        assertThat(report.verdict()).isEqualTo(Verdict.clean());
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aDocumentNameInFrontOfAProgramExtensionIsMalicious() throws IOException {
        ScanReport report = scanMail(mail("invoice.pdf.exe", read(CLAM_EXE)));
        assertThat(report.verdict()).isEqualTo(
                new Verdict.Infected("Heuristic.Name.DoubleExtension", attachment("invoice.pdf.exe")));
    }

    @Test
    void aRightToLeftOverrideInANameIsMalicious() throws IOException {
        String name = "invoice\u202Efdp.js";
        ScanReport report = scanMail(mail(name, "text/plain", TEXT));
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected("Heuristic.Name.Bidi", attachment(name)));
    }

    @Test
    void spacesPushingTheRealExtensionOutOfSightAreSuspicious() throws IOException {
        String name = "report.pdf                              .txt";
        ScanReport report = scanMail(mail(name, "text/plain", TEXT));
        assertThat(report.findings()).containsExactly(suspicious("Heuristic.Name.HiddenExtension", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.final.v2.txt", "photo 2024.jpg", "Q3 results - draft.pdf", "archive.tar.gz",
        "data...csv"})
    void ordinaryNamesAreNotDeceptive(String name) throws IOException {
        assertThat(scanMail(mail(name, "text/plain", TEXT)).findings()).isEmpty();
    }

    /** The 76-byte ShellLinkHeader of MS-SHLLINK 2.1: size, LinkCLSID, flags; no target, as Windows accepts. */
    private static byte[] shellLinkHeader() {
        ByteBuffer header = ByteBuffer.allocate(76).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x4c);
        header.put(new byte[] {0x01, 0x14, 0x02, 0, 0, 0, 0, 0, (byte) 0xc0, 0, 0, 0, 0, 0, 0, 0x46});
        header.putInt(0); // LinkFlags
        header.putInt(0x20); // FILE_ATTRIBUTE_ARCHIVE
        header.position(60);
        header.putInt(1); // SW_SHOWNORMAL
        return header.array();
    }

    static List<String> names(ScanReport report) {
        return report.findings().stream().map(HeuristicVerdictsTest::name).toList();
    }
}
