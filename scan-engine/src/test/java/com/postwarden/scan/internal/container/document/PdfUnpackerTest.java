package com.postwarden.scan.internal.container.document;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.CLAM_EXE_MD5;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.md5Of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PDFs written by the test's own writer and re-written by qpdf (Debian package qpdf). */
class PdfUnpackerTest {
    private static final byte[] TEXT = ("BT /F1 12 Tf 72 712 Td (Streams decoded by every filter of the chain) Tj ET\n"
            .repeat(40)).getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    static Stream<Arguments> filterChains() {
        return Stream.of(
                Arguments.of("/Filter /FlateDecode", PdfEncoders.flate(TEXT)),
                Arguments.of("/Filter /Fl#61teDecode", PdfEncoders.flate(TEXT)),
                Arguments.of("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 16 >>",
                        PdfEncoders.flate(PdfEncoders.pngUp(TEXT, 16))),
                Arguments.of("/Filter [/ASCIIHexDecode /FlateDecode]", PdfEncoders.asciiHex(PdfEncoders.flate(TEXT))),
                Arguments.of("/Filter [/A85 /Fl]", PdfEncoders.ascii85(PdfEncoders.flate(TEXT))),
                Arguments.of("/Filter /ASCII85Decode", PdfEncoders.ascii85(TEXT)),
                Arguments.of("/Filter /LZWDecode", PdfEncoders.lzw(TEXT)),
                Arguments.of("/Filter /RunLengthDecode", PdfEncoders.runLength(TEXT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterChains")
    void aStreamIsHandedOverDecodedThroughItsFilterChain(String filters, byte[] encoded) throws IOException {
        PdfWriter pdf = PdfWriter.withPage();
        int stream = pdf.stream(filters, encoded);

        RecordingEntries entries = unpack(pdf.bytes(1));

        assertThat(entries.entries()).containsOnlyKeys("obj-" + stream);
        assertThat(entries.entries().get("obj-" + stream)).isEqualTo(TEXT);
    }

    @Test
    void aStreamWithAnUnknownFilterIsHandedOverRaw() throws IOException {
        PdfWriter pdf = PdfWriter.withPage();
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
        int stream = pdf.stream("/Filter [/DCTDecode]", jpeg);

        assertThat(unpack(pdf.bytes(1)).entries().get("obj-" + stream)).isEqualTo(jpeg);
    }

    @Test
    void anAttachmentAddedByQpdfIsHandedOverUnderItsFileName() throws Exception {
        Path attached = withAttachment();

        RecordingEntries entries = unpack(Files.readAllBytes(attached));

        assertThat(entries.entries()).containsKey("clam.exe");
        assertThat(md5Of(entries.entries().get("clam.exe"))).isEqualTo(CLAM_EXE_MD5);
    }

    @Test
    void objectAndCrossReferenceStreamsWrittenByQpdfAreDecoded() throws Exception {
        Path attached = withAttachment();
        run("qpdf", "--object-streams=generate", "--compress-streams=y", attached.toString(), "objstm.pdf");

        RecordingEntries entries = unpack(Files.readAllBytes(dir.resolve("objstm.pdf")));

        assertThat(entries.entries().values()).anySatisfy(bytes -> assertThat(md5Of(bytes)).isEqualTo(CLAM_EXE_MD5));
        assertThat(entries.entries().values())
                .anySatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("/Type /Pages"));
    }

    @ParameterizedTest(name = "qpdf --encrypt with key length {0}")
    @ValueSource(strings = {"40", "128-rc4", "128-aes", "256"})
    void streamsEncryptedWithAnEmptyUserPasswordAreDecrypted(String keyLength) throws Exception {
        Path attached = withAttachment();
        run(encrypt("", keyLength, attached));

        RecordingEntries entries = unpack(Files.readAllBytes(dir.resolve("encrypted.pdf")));

        assertThat(entries.encrypted()).isEmpty();
        assertThat(entries.entries().values()).anySatisfy(bytes -> assertThat(md5Of(bytes)).isEqualTo(CLAM_EXE_MD5));
    }

    @Test
    void streamsEncryptedWithAUserPasswordAreReportedEncrypted() throws Exception {
        Path attached = withAttachment();
        run(encrypt("secret", "256", attached));

        RecordingEntries entries = unpack(Files.readAllBytes(dir.resolve("encrypted.pdf")));

        assertThat(entries.encrypted()).isNotEmpty().allSatisfy(entry -> assertThat(entry).endsWith("(PDF)"));
        assertThat(entries.entries().values()).noneSatisfy(bytes -> assertThat(md5Of(bytes)).isEqualTo(CLAM_EXE_MD5));
    }

    @Test
    void aPdfTruncatedInsideAStreamHandsOverWhatCameBeforeThenFails() {
        byte[] pdf = clamAvTestFile("clam.pdf");
        int embedded = indexOf(pdf, "/EmbeddedFile");
        byte[] truncated = Arrays.copyOf(pdf, embedded + 300);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new PdfUnpacker().unpack(Content.of(truncated), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("no endstream");
        assertThat(entries.entries()).containsKeys("obj-4", "obj-11", "obj-14");
    }

    private Path withAttachment() throws Exception {
        Files.write(dir.resolve("plain.pdf"), PdfWriter.withPage().bytes(1));
        Files.write(dir.resolve("clam.exe"), clamAvTestFile("clam.exe"));
        run("qpdf", "plain.pdf", "--add-attachment", "clam.exe", "--", "attached.pdf");
        return dir.resolve("attached.pdf");
    }

    private static String[] encrypt(String userPassword, String keyLength, Path input) {
        List<String> command = new java.util.ArrayList<>(List.of("qpdf", "--allow-weak-crypto", "--encrypt",
                userPassword, "owner-password", keyLength.substring(0, keyLength.indexOf('-') < 0
                        ? keyLength.length() : keyLength.indexOf('-'))));
        if (keyLength.startsWith("128")) {
            command.add("--use-aes=" + (keyLength.endsWith("aes") ? "y" : "n"));
        }
        command.addAll(List.of("--", input.toString(), "encrypted.pdf"));
        return command.toArray(String[]::new);
    }

    private void run(String... command) throws Exception {
        ExternalTool.run(dir, command);
    }

    private static RecordingEntries unpack(byte[] pdf) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        new PdfUnpacker().unpack(Content.of(pdf), entries);
        return entries;
    }

    private static int indexOf(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    }
}
