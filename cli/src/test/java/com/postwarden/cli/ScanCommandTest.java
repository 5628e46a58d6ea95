package com.postwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.postwarden.scan.DemoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
    @TempDir
    Path dir;
    private Path signatures;
    private Path files;

    private record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void prepare() throws IOException {
        signatures = dir.resolve("signatures");
        DemoDatabase.write(signatures);
        files = Files.createDirectories(dir.resolve("files"));
    }

    private Run scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("--config", dir.resolve("absent.yaml").toString()));
        all.addAll(List.of(args));
        int code = new CommandLine(new ScanCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = files.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void cleanFilesPrintOkAndExitZero() throws IOException {
        Path notes = write("notes.txt", "minutes of the meeting\n".getBytes(StandardCharsets.US_ASCII));
        Run run = scan("--db", signatures.toString(), notes.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).contains(notes + ": OK");
        assertThat(run.out()).contains("----------- SCAN SUMMARY -----------", "Scanned files: 1", "Infected files: 0");
    }

    @Test
    void aDirectoryIsScannedRecursivelyAndDetectionsNameTheirContainerPath() throws IOException {
        write("a/notes.txt", "minutes\n".getBytes(StandardCharsets.US_ASCII));
        Path archive = write("a/b/invoice.zip", zip("invoice.com", DemoDatabase.eicar()));
        Run run = scan("--db", signatures.toString(), files.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).contains(archive + "!invoice.com: Eicar-Test-Signature FOUND");
        assertThat(run.out()).contains("Scanned directories: 1", "Scanned files: 2", "Infected files: 1");
    }

    @Test
    void anUnscannableFileIsReportedAsSuch() throws IOException {
        byte[] noise = new byte[8192];
        new java.util.Random(3).nextBytes(noise);
        byte[] zip = zip("data.bin", noise);
        Path cut = write("cut.zip", java.util.Arrays.copyOf(zip, zip.length / 2));
        Run run = scan("--db", signatures.toString(), cut.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).contains(cut + ": Heuristics.Broken.Zip UNSCANNABLE");
        assertThat(run.out()).contains("Unscannable files: 1");
    }

    @Test
    void aMissingPathIsAnErrorWithExitTwo() {
        Run run = scan("--db", signatures.toString(), files.resolve("absent").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).contains(files.resolve("absent") + ": no such file or directory ERROR");
    }

    @Test
    void aDatabaseThatCannotBeReadIsAnErrorWithExitTwo() {
        Run run = scan("--db", dir.resolve("nowhere").toString(), files.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot load the signature database").contains("nowhere");
    }

    @Test
    void jsonPrintsOneObjectPerFile() throws IOException {
        Path eicar = write("eicar.com", DemoDatabase.eicar());
        Run run = scan("--db", signatures.toString(), "--json", eicar.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        Map<String, String> file = parse(run.lines().get(0));
        assertThat(file).containsEntry("type", "file").containsEntry("path", eicar.toString())
                .containsEntry("verdict", "infected").containsEntry("signature", "Eicar-Test-Signature")
                .containsEntry("containerPath", eicar.toString()).containsEntry("bytesScanned", "68")
                .containsKey("milliseconds");
        assertThat(parse(run.lines().get(1))).containsEntry("type", "summary").containsEntry("infected", "1");
    }

    @Test
    void aSuspiciousFileIsPrintedAsSuchButIsNoDetection() throws IOException {
        Path pdf = write("form.pdf", ("""
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                3 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """).getBytes(StandardCharsets.US_ASCII));

        Run text = scan("--db", signatures.toString(), pdf.toString());
        assertThat(text.exitCode()).as("only detections make exit code 1").isZero();
        assertThat(text.out()).contains(pdf + ": Heuristic.PDF.JavaScript SUSPICIOUS", "Suspicious files: 1");

        Run json = scan("--db", signatures.toString(), "--json", pdf.toString());
        assertThat(parse(json.lines().get(0))).containsEntry("verdict", "suspicious")
                .containsEntry("name", "Heuristic.PDF.JavaScript")
                .containsEntry("findings", "[{\"kind\":\"suspicious\",\"name\":\"Heuristic.PDF.JavaScript\","
                        + "\"containerPath\":\"" + pdf + "\"}]");
    }

    @Test
    void statsReportWhatTheDatabaseLoadedAndSkipped() throws IOException {
        Files.writeString(signatures.resolve("broken.ndb"), "not a signature line\n");
        Run run = scan("--db", signatures.toString(), "--stats");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Loaded signatures: 4", "Skipped signatures: 1");
    }

    private static Map<String, String> parse(String line) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                    StringWriter nested = new StringWriter();
                    try (JsonGenerator copy = new JsonFactory().createGenerator(nested)) {
                        copy.copyCurrentStructure(parser);
                    }
                    fields.put(name, nested.toString());
                } else {
                    fields.put(name, parser.getText());
                }
            }
        }
        return fields;
    }
}
