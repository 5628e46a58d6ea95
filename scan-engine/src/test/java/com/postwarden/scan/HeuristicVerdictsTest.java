package com.postwarden.scan;

import static com.postwarden.scan.HeuristicSamples.BIN_TRUE;
import static com.postwarden.scan.HeuristicSamples.CLAM_EXE;
import static com.postwarden.scan.HeuristicSamples.mail;
import static com.postwarden.scan.HeuristicSamples.read;
import static com.postwarden.scan.HeuristicSamples.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.HeuristicSamples.Attachment;
import com.postwarden.scan.HeuristicSettings.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How heuristic findings become verdicts and findings, by settings, and through the verdict cache. */
class HeuristicVerdictsTest {
    private static final String PE = "Heuristic.Executable.PE";
    private static final String ELF = "Heuristic.Executable.ELF";
    private static final String MISMATCH = "Heuristic.Type.Mismatch";

    @TempDir
    static Path databaseDir;
    @TempDir
    Path temp;

    private static SignatureDatabase database;

    @BeforeAll
    static void load() throws IOException {
        database = HeuristicSamples.eicarOnlyDatabase(databaseDir);
    }

    private ScanEngine engine(HeuristicSettings settings) {
        return HeuristicSamples.engine(database, temp, settings);
    }

    static String name(Verdict verdict) {
        if (verdict instanceof Verdict.Infected infected) {
            return infected.signature();
        }
        if (verdict instanceof Verdict.Suspicious suspicious) {
            return suspicious.name();
        }
        return verdict instanceof Verdict.Unscannable unscannable ? unscannable.reason() : "clean";
    }

    private static ContainerPath attachment(String name) {
        return ContainerPath.of("msg").child(name);
    }

    @Test
    void withEveryDetectionOffAProgramAttachmentIsClean() throws IOException {
        ScanReport report = HeuristicSamples.scanMail(engine(HeuristicSettings.allOff()),
                mail("invoice.pdf.exe", "application/pdf", read(CLAM_EXE)));
        assertThat(report.verdict()).isEqualTo(Verdict.clean());
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void oneDetectionOffLeavesTheOthers() throws IOException {
        HeuristicSettings settings = HeuristicSettings.defaults().with(PE, Level.OFF);
        ScanReport report = HeuristicSamples.scanMail(engine(settings),
                mail("invoice.pdf", "application/pdf", read(CLAM_EXE)));
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious(MISMATCH, attachment("invoice.pdf")));
    }

    @Test
    void aSuspiciousDetectionIsNotedAndTheScanGoesOn() throws IOException {
        ScanReport report = HeuristicSamples.scanMail(engine(HeuristicSettings.defaults()), mail(
                new Attachment("a.exe", "application/octet-stream", read(CLAM_EXE)),
                new Attachment("b", "application/octet-stream", read(BIN_TRUE))));
        assertThat(report.verdict()).isEqualTo(new Verdict.Suspicious(PE, attachment("a.exe")));
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious(PE, attachment("a.exe")),
                new Verdict.Suspicious(ELF, attachment("b")));
    }

    @Test
    void aMaliciousDetectionIsAnInfectionThatStopsTheScan() throws IOException {
        HeuristicSettings settings = HeuristicSettings.defaults().with(PE, Level.MALICIOUS);
        ScanReport report = HeuristicSamples.scanMail(engine(settings), mail(
                new Attachment("a.exe", "application/octet-stream", read(CLAM_EXE)),
                new Attachment("b", "application/octet-stream", read(BIN_TRUE))));
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected(PE, attachment("a.exe")));
        assertThat(report.findings()).containsExactly(new Verdict.Infected(PE, attachment("a.exe")));
    }

    @Test
    void aSuspiciousFindingNeverHidesAnUnscannablePart(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("notes.txt"), "some notes\n".repeat(100));
        run(work, "zip", "-q", "notes.zip", "notes.txt");
        byte[] zip = Files.readAllBytes(work.resolve("notes.zip"));
        byte[] truncated = Arrays.copyOf(zip, 40);
        ScanReport report = HeuristicSamples.scanMail(engine(HeuristicSettings.defaults()), mail(
                new Attachment("a.exe", "application/octet-stream", read(CLAM_EXE)),
                new Attachment("notes.zip", "application/zip", truncated)));
        assertThat(report.verdict()).isInstanceOf(Verdict.Unscannable.class);
        assertThat(report.findings()).first().isEqualTo(new Verdict.Suspicious(PE, attachment("a.exe")));
        assertThat(report.findings()).contains(report.verdict());
    }

    @Test
    void theSameFindingTwiceIsListedOnce() throws IOException {
        ScanReport report = HeuristicSamples.scanMail(engine(HeuristicSettings.defaults()), mail(
                new Attachment("a.exe", "application/octet-stream", read(CLAM_EXE)),
                new Attachment("a.exe", "application/octet-stream", read(CLAM_EXE))));
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious(PE, attachment("a.exe")));
    }

    @Test
    void findingsAreCappedAndKeepTheWorst() throws IOException {
        Attachment[] attachments = new Attachment[ScanReport.MAX_FINDINGS + 5];
        for (int i = 0; i < attachments.length - 1; i++) {
            attachments[i] = new Attachment("p" + i + ".exe", "application/octet-stream", read(CLAM_EXE));
        }
        attachments[attachments.length - 1] = new Attachment("last.zip", "application/zip", new byte[] {'P', 'K', 3, 4});
        ScanReport report = HeuristicSamples.scanMail(engine(HeuristicSettings.defaults()), mail(attachments));
        assertThat(report.findings()).hasSize(ScanReport.MAX_FINDINGS);
        assertThat(report.verdict()).isInstanceOf(Verdict.Unscannable.class);
        assertThat(report.findings()).last().isEqualTo(report.verdict());
    }

    @Test
    void aCachedArchiveGivesBackTheFindingsInsideItUnderItsNewName(@TempDir Path work) throws IOException {
        HeuristicSamples.copy(BIN_TRUE, work, "true");
        run(work, "zip", "-q", "tools.zip", "true");
        byte[] zip = Files.readAllBytes(work.resolve("tools.zip"));
        ScanEngine engine = engine(HeuristicSettings.defaults());
        ScanReport first = HeuristicSamples.scanMail(engine, mail("tools.zip", "application/zip", zip));
        ScanReport second = HeuristicSamples.scanMail(engine, mail("other.zip", "application/zip", zip));
        assertThat(first.findings()).containsExactly(
                new Verdict.Suspicious(ELF, attachment("tools.zip").child("true")));
        assertThat(second.findings()).containsExactly(
                new Verdict.Suspicious(ELF, attachment("other.zip").child("true")));
        assertThat(second.objectsScanned()).as("the archive came from the cache").isLessThan(first.objectsScanned());
    }

    @Test
    void aCachedObjectsOwnNameAndTypeAreExaminedAgain() throws IOException {
        ScanEngine engine = engine(HeuristicSettings.defaults());
        byte[] program = read(BIN_TRUE);
        ScanReport first = HeuristicSamples.scanMail(engine, mail("true", "application/octet-stream", program));
        ScanReport second = HeuristicSamples.scanMail(engine, mail("photo.jpg", "image/jpeg", program));
        assertThat(first.findings()).containsExactly(new Verdict.Suspicious(ELF, attachment("true")));
        assertThat(second.findings()).containsExactly(new Verdict.Suspicious(ELF, attachment("photo.jpg")),
                new Verdict.Suspicious(MISMATCH, attachment("photo.jpg")));
        assertThat(second.objectsScanned()).isLessThan(first.objectsScanned());
    }

    @Test
    void aMaliciousHeuristicOnACachedObjectStillStopsTheScan() throws IOException {
        ScanEngine engine = engine(HeuristicSettings.defaults().with(ELF, Level.MALICIOUS));
        byte[] program = read(BIN_TRUE);
        HeuristicSamples.scanMail(engine, mail("true", program));
        ScanReport second = HeuristicSamples.scanMail(engine, mail("again", program));
        assertThat(second.verdict()).isEqualTo(new Verdict.Infected(ELF, attachment("again")));
    }
}
