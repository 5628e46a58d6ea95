package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvdReaderTest {
    private static final CvdBuilder.TestKey KEY = CvdBuilder.TestKey.generate();

    @TempDir
    Path dir;

    private final Map<String, String> entries = new LinkedHashMap<>();

    private CvdReader.EntryHandler collect() {
        return (name, size, in) -> entries.put(name, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    private CvdBuilder database() {
        return new CvdBuilder().version(27500).file("test.ndb", "A:0:*:41424344\n").file("test.hdb",
                "00112233445566778899aabbccddeeff:6:B\n");
    }

    @Test
    void aSignedCvdYieldsItsHeaderAndFiles() throws Exception {
        Path cvd = Files.write(dir.resolve("test.cvd"), database().cvd(KEY));

        CvdHeader header = new CvdReader(KEY.verifier()).read(cvd, true, collect());

        assertThat(header.version()).isEqualTo(27500);
        assertThat(header.signatures()).isEqualTo(2);
        assertThat(header.functionalityLevel()).isEqualTo(90);
        assertThat(header.builder()).isEqualTo("postwarden");
        assertThat(header.buildTimeSeconds()).isEqualTo(1_763_800_000L);
        assertThat(entries).containsOnlyKeys("test.ndb", "test.hdb").containsEntry("test.ndb", "A:0:*:41424344\n");
    }

    @Test
    void aCvdWhoseHeaderNamesAnotherMd5IsRefused() throws Exception {
        Path cvd = Files.write(dir.resolve("test.cvd"),
                database().cvdClaimingMd5(KEY, "0123456789abcdef0123456789abcdef"));

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(cvd, true, collect()))
                .isInstanceOf(CvdReader.RefusedException.class)
                .hasMessage("MD5 of the body does not match the header");
    }

    @Test
    void aCvdWithAChangedBodyIsRefused() throws Exception {
        byte[] bytes = database().cvd(KEY);
        bytes[bytes.length - 30] ^= 0x55;
        Path cvd = Files.write(dir.resolve("test.cvd"), bytes);

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(cvd, true, (name, size, in) -> in.readAllBytes()))
                .isInstanceOf(CvdReader.RefusedException.class);
    }

    @Test
    void aCvdWithAnAppendedByteIsRefusedForItsMd5() throws Exception {
        byte[] bytes = database().cvd(KEY);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        Path cvd = Files.write(dir.resolve("test.cvd"), longer);

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(cvd, true, collect()))
                .hasMessage("MD5 of the body does not match the header");
    }

    @Test
    void aCvdSignedByAnotherKeyIsRefused() throws Exception {
        Path cvd = Files.write(dir.resolve("test.cvd"), database().cvd(KEY));

        assertThatThrownBy(() -> new CvdReader(CvdSignatureVerifier.CLAMAV).read(cvd, true, collect()))
                .hasMessage("digital signature does not verify");
        assertThat(entries).isEmpty();
    }

    @Test
    void aCldIsReadWithoutChecks() throws Exception {
        Path cld = Files.write(dir.resolve("test.cld"), database().cld());

        CvdHeader header = new CvdReader(CvdSignatureVerifier.CLAMAV).read(cld, false, collect());

        assertThat(header.version()).isEqualTo(27500);
        assertThat(entries).containsOnlyKeys("test.ndb", "test.hdb");
    }

    @Test
    void aFileWithoutTheMagicIsRefused() throws IOException {
        Path bogus = Files.write(dir.resolve("bogus.cvd"), new byte[600]);

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(bogus, true, collect()))
                .hasMessage("not a ClamAV database container");
    }

    @Test
    void aTruncatedHeaderIsRefused() throws IOException {
        Path shortFile = Files.write(dir.resolve("short.cvd"), "ClamAV-VDB:x".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(shortFile, true, collect()))
                .hasMessage("truncated header");
    }

    @Test
    void aTruncatedBodyIsRefused() throws Exception {
        byte[] bytes = database().cld();
        Path cld = Files.write(dir.resolve("cut.cld"), java.util.Arrays.copyOf(bytes, 512 + 700));

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(cld, false, collect()))
                .isInstanceOf(CvdReader.RefusedException.class).hasMessage("malformed body");
    }

    @Test
    void everyEntryMustMatchTheInfoList() throws Exception {
        byte[] cld = database().cld();
        String text = new String(cld, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("A:0:*:41424344");
        cld[at] = 'Z';
        Path tampered = Files.write(dir.resolve("tampered.cld"), cld);

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(tampered, false, collect()))
                .isInstanceOf(CvdReader.RefusedException.class)
                .hasMessage("entry does not match the .info list")
                .extracting(e -> ((CvdReader.RefusedException) e).detail()).isEqualTo("test.ndb");
    }

    @Test
    void anEntryTheInfoListLacksIsRefused() throws Exception {
        byte[] cld = database().cld();
        String text = new String(cld, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("test.ndb:");
        cld[at] = 'b';
        Path tampered = Files.write(dir.resolve("tampered.cld"), cld);

        assertThatThrownBy(() -> new CvdReader(KEY.verifier()).read(tampered, false, collect()))
                .hasMessage("entry missing from the .info list");
    }

    @Test
    void aContainerWithoutInfoListIsReadAsIs() throws Exception {
        Path cud = Files.write(dir.resolve("plain.cud"), database().withoutInfo().cud());

        new CvdReader(KEY.verifier()).read(cud, false, collect());

        assertThat(entries).containsOnlyKeys("test.ndb", "test.hdb");
    }

    @Test
    void clamavsOwnKeyDecodesASignatureField() {
        assertThat(CvdSignatureVerifier.decode("ba")).isEqualTo(java.math.BigInteger.ONE);
        assertThat(CvdSignatureVerifier.decode("a/")).isEqualTo(java.math.BigInteger.valueOf(63 << 6));
        assertThat(CvdSignatureVerifier.decode("a-")).isNull();
        assertThat(CvdSignatureVerifier.CLAMAV.verifies("00112233445566778899aabbccddeeff", "abc")).isFalse();
    }

    @Test
    void aTestKeySignsAndVerifiesLikeClamav() {
        String md5 = "c1537143239006af01e814a4dcd58a48";

        assertThat(KEY.verifier().verifies(md5, KEY.sign(md5))).isTrue();
        assertThat(KEY.verifier().verifies("c1537143239006af01e814a4dcd58a49", KEY.sign(md5))).isFalse();
    }
}
