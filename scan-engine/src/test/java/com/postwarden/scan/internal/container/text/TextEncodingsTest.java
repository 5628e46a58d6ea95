package com.postwarden.scan.internal.container.text;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.document.ExternalTool;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uuencode (Debian sharutils), yEnc (the test's encoder), BinHex (ClamAV's sample) and HTML data. */
class TextEncodingsTest {
    private final byte[] clamExe = clamAvTestFile("clam.exe");

    @TempDir
    Path dir;

    @Test
    void everyUuencodedBlockOfATextIsDecodedUnderItsName() throws Exception {
        Files.write(dir.resolve("clam.exe"), clamExe);
        Files.write(dir.resolve("notes.txt"), "plain notes\n".getBytes(StandardCharsets.US_ASCII));
        String text = "Two files follow.\n" + ExternalTool.run(dir, "uuencode", "clam.exe", "first.exe")
                + "\nand in base64:\n" + ExternalTool.run(dir, "uuencode", "-m", "notes.txt", "notes.txt");

        RecordingEntries entries = unpack(new UuencodeUnpacker(), text);

        assertThat(FileTypes.detect(Content.of(text.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(FileType.UUENCODE);
        assertThat(entries.entries()).containsOnlyKeys("first.exe", "notes.txt");
        assertThat(entries.entries().get("first.exe")).isEqualTo(clamExe);
        assertThat(entries.entries().get("notes.txt")).isEqualTo("plain notes\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aUuencodedBlockWithoutItsEndIsHandedOverThenReported() throws Exception {
        Files.write(dir.resolve("clam.exe"), clamExe);
        String full = ExternalTool.run(dir, "uuencode", "clam.exe", "clam.exe");
        String truncated = full.substring(0, full.length() / 2);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new UuencodeUnpacker().unpack(content(truncated), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("without its end");
        assertThat(entries.entries().get("clam.exe")).isNotEmpty().hasSizeLessThan(clamExe.length);
    }

    @Test
    void aSinglePartYencFileIsDecoded() throws IOException {
        String yenc = "Some article text\r\n" + YencEncoder.single("clam.exe", clamExe, 128);

        RecordingEntries entries = unpack(new YencUnpacker(), yenc);

        assertThat(FileTypes.detect(content(yenc))).isEqualTo(FileType.YENC);
        assertThat(entries.entries()).containsOnlyKeys("clam.exe");
        assertThat(entries.entries().get("clam.exe")).isEqualTo(clamExe);
    }

    @Test
    void theStoredPartsOfAMultiPartYencFileAreJoinedInOrder() throws IOException {
        List<String> parts = YencEncoder.multi("clam.exe", clamExe, 200, 64);
        String shuffled = parts.get(2) + "\r\n" + parts.get(0) + "\r\n" + parts.get(1);

        RecordingEntries entries = unpack(new YencUnpacker(), shuffled);

        assertThat(parts).hasSize(3);
        assertThat(entries.entries().get("clam.exe")).isEqualTo(clamExe);
    }

    @Test
    void aMissingYencPartIsReportedAfterTheRestWasHandedOver() {
        List<String> parts = YencEncoder.multi("clam.exe", clamExe, 200, 64);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new YencUnpacker().unpack(content(parts.get(0) + parts.get(2)), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("lacks bytes 201-400");
        assertThat(entries.entries().get("clam.exe")).hasSize(344);
    }

    @Test
    void aYencFileWithAWrongCrcOrNoEndIsReported() {
        String yenc = YencEncoder.single("clam.exe", clamExe, 128);
        String corrupted = yenc.replaceFirst("crc32=[0-9a-f]{8}", "crc32=00000000");
        String truncated = yenc.substring(0, yenc.indexOf("=yend"));

        assertThatThrownBy(() -> new YencUnpacker().unpack(content(corrupted), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("CRC-32");
        assertThatThrownBy(() -> new YencUnpacker().unpack(content(truncated), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("without =yend");
    }

    @Test
    void aBinHexDataForkWithABadCrcIsHandedOverThenReported() {
        String binhex = new String(clamAvTestFile("clam.exe.binhex"), StandardCharsets.ISO_8859_1);
        int data = binhex.indexOf(':') + 200;
        char replaced = binhex.charAt(data) == 'A' ? 'B' : 'A';
        String corrupted = binhex.substring(0, data) + replaced + binhex.substring(data + 1);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new BinHexUnpacker().unpack(content(corrupted), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("data fork of clam.exe fails its CRC check");
        assertThat(entries.entries().get("clam.exe")).hasSize(clamExe.length).isNotEqualTo(clamExe);
    }

    @Test
    void aTruncatedBinHexFileIsReported() {
        String binhex = new String(clamAvTestFile("clam.exe.binhex"), StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> new BinHexUnpacker().unpack(content(binhex.substring(0, binhex.length() / 2)),
                new RecordingEntries())).isInstanceOf(IOException.class).hasMessageContaining("ends after");
    }

    @Test
    void htmlDataUrisAndLongBase64ScriptStringsAreDecoded() throws IOException {
        String base64 = Base64.getEncoder().encodeToString(clamExe);
        StringBuilder percent = new StringBuilder();
        for (byte b : "MZ percent-encoded payload".getBytes(StandardCharsets.US_ASCII)) {
            percent.append(String.format("%%%02X", b & 0xff));
        }
        String html = "<!DOCTYPE html><html><head><style>body { background: url(data:image/png;base64,"
                + Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'}) + ") }</style></head>"
                + "<body><a href=\"data:text/plain," + percent + "\">x</a>"
                + "<script>var blob = '" + base64 + "'; save(atob(blob), 'invoice.exe');</script>"
                + "<p>metadata: not a URI, and 'short' strings stay text</p></body></html>";

        RecordingEntries entries = unpack(new HtmlUnpacker(), html);

        assertThat(entries.entries()).containsOnlyKeys("data-uri-1", "data-uri-2", "base64-string-1");
        assertThat(entries.entries().get("data-uri-1")).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(new String(entries.entries().get("data-uri-2"), StandardCharsets.US_ASCII))
                .isEqualTo("MZ percent-encoded payload");
        assertThat(entries.entries().get("base64-string-1")).isEqualTo(clamExe);
    }

    @Test
    void ordinaryHtmlYieldsNothing() throws IOException {
        String html = "<html><body><p>Hello, \"world\" and 'friends'.</p><img src=\"logo.png\"></body></html>";

        assertThat(unpack(new HtmlUnpacker(), html).entries()).isEmpty();
    }

    private static Content content(String text) {
        return Content.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static RecordingEntries unpack(Unpacker unpacker, String text) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        unpacker.unpack(content(text), entries);
        return entries;
    }
}
