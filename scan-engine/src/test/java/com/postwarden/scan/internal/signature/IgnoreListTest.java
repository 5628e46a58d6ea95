package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IgnoreListTest {

    @Test
    void aNameAloneDropsEveryLineOfThatName() {
        IgnoreList.Builder builder = IgnoreList.builder();
        builder.add("Eicar-Test-Signature");
        IgnoreList list = builder.freeze();

        assertThat(list.ignores("Eicar-Test-Signature", () -> "any line")).isTrue();
        assertThat(list.ignores("Other", () -> "any line")).isFalse();
    }

    @Test
    void aNameWithMd5DropsOnlyThatLine() {
        String line = "Sig:0:*:41424344";
        String md5 = HexFormat.of().formatHex(HashAlgorithm.MD5.newDigest().digest(line.getBytes(StandardCharsets.UTF_8)));
        IgnoreList.Builder builder = IgnoreList.builder();
        builder.add("Sig:" + md5.toUpperCase(java.util.Locale.ROOT));
        IgnoreList list = builder.freeze();

        assertThat(list.ignores("Sig", () -> line)).isTrue();
        assertThat(list.ignores("Sig", () -> "Sig:0:*:41424345")).isFalse();
    }

    @Test
    void legacyIgnFilesNameTheSignatureThird() {
        IgnoreList.Builder builder = IgnoreList.builder();
        builder.add("daily.ndb:1234:Old.Signature");

        assertThat(builder.freeze().ignores("Old.Signature", () -> "any line")).isTrue();
    }

    @Test
    void badLinesAreCountedByReason() throws Exception {
        SkipReasons skipped = new SkipReasons();
        IgnoreList.Builder builder = IgnoreList.builder();
        builder.parse(new ByteArrayInputStream("A:nothex\nA:B:C:D\n:\nGood\n".getBytes(StandardCharsets.UTF_8)),
                "ign2", skipped);

        assertThat(builder.count()).isEqualTo(1);
        assertThat(skipped.snapshot()).containsEntry("ign2: malformed MD5", 1L)
                .containsEntry("ign2: malformed line", 2L);
    }
}
