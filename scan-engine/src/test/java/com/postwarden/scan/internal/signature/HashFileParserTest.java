package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashFileParserTest {
    private static final byte[] SAMPLE = "sample".getBytes(StandardCharsets.US_ASCII);

    private static String hex(HashAlgorithm algorithm, byte[] data) {
        return HexFormat.of().formatHex(algorithm.newDigest().digest(data));
    }

    private static HashTables parse(String type, String text) throws Exception {
        HashFileParser parser = new HashFileParser();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.parse(new ByteArrayInputStream(bytes), type);
        return parser.build();
    }

    @Test
    void findsSignaturesBySizeAndDigest() throws Exception {
        HashTables tables = parse("hdb", hex(HashAlgorithm.MD5, SAMPLE) + ":6:Test.Md5\n"
                + "00112233445566778899aabbccddeeff:6:Other\r\n\n");

        HashIndex md5 = tables.detect().get(HashAlgorithm.MD5);
        assertThat(tables.loaded()).containsEntry("hdb", 2L);
        assertThat(md5.covers(6)).isTrue();
        assertThat(md5.covers(7)).isFalse();
        assertThat(md5.lookup(6, HashAlgorithm.MD5.newDigest().digest(SAMPLE), n -> false)).isEqualTo("Test.Md5");
        assertThat(md5.lookup(7, HashAlgorithm.MD5.newDigest().digest(SAMPLE), n -> false)).isNull();
    }

    @Test
    void tellsShaOneFromShaTwoFiftySixByLength() throws Exception {
        HashTables tables = parse("hsb", hex(HashAlgorithm.SHA1, SAMPLE) + ":6:Test.Sha1\n"
                + hex(HashAlgorithm.SHA256, SAMPLE) + ":6:Test.Sha256\n");

        assertThat(tables.detect().get(HashAlgorithm.SHA1).lookup(6, HashAlgorithm.SHA1.newDigest().digest(SAMPLE),
                n -> false)).isEqualTo("Test.Sha1");
        assertThat(tables.detect().get(HashAlgorithm.SHA256).lookup(6,
                HashAlgorithm.SHA256.newDigest().digest(SAMPLE), n -> false)).isEqualTo("Test.Sha256");
    }

    @Test
    void anySizeNeedsFunctionalityLevelSeventyThree() throws Exception {
        HashTables tables = parse("hsb", hex(HashAlgorithm.SHA256, SAMPLE) + ":*:Any.Size:73\n"
                + hex(HashAlgorithm.SHA256, SAMPLE) + ":*:Too.Old\n");

        HashIndex sha256 = tables.detect().get(HashAlgorithm.SHA256);
        assertThat(sha256.covers(123456)).isTrue();
        assertThat(sha256.lookup(99, HashAlgorithm.SHA256.newDigest().digest(SAMPLE), n -> false))
                .isEqualTo("Any.Size");
        assertThat(tables.skipped()).containsEntry("hsb: hash for any size without functionality level 73", 1L);
    }

    @Test
    void ignoredNamesAreSkippedAtLookup() throws Exception {
        HashTables tables = parse("hdb", hex(HashAlgorithm.MD5, SAMPLE) + ":6:First\n"
                + hex(HashAlgorithm.MD5, SAMPLE) + ":6:Second\n");

        assertThat(tables.detect().get(HashAlgorithm.MD5).lookup(6, HashAlgorithm.MD5.newDigest().digest(SAMPLE),
                "First"::equals)).isEqualTo("Second");
    }

    @Test
    void allowListFilesFillTheAllowSide() throws Exception {
        HashTables tables = parse("fp", hex(HashAlgorithm.MD5, SAMPLE) + ":6:Known.Good\n");

        assertThat(tables.detect()).isEmpty();
        assertThat(tables.allow()).containsKey(HashAlgorithm.MD5);
        assertThat(tables.loaded()).containsEntry("fp", 1L);
    }

    @Test
    void badLinesAreCountedByReason() throws Exception {
        HashTables tables = parse("hdb", String.join("\n",
                "nohash",
                "0011:6:Short.Hash",
                "zz112233445566778899aabbccddeeff:6:Not.Hex",
                "00112233445566778899aabbccddeeff:x:Bad.Size",
                "00112233445566778899aabbccddeeff:6:",
                "00112233445566778899aabbccddeeff:6:Future:999",
                "00112233445566778899aabbccddeeff:6:Bad.Level:x",
                "00112233445566778899aabbccddeeff:99999999999:Huge",
                "00112233445566778899aabbccddeeff:6:A:1:2:3",
                "00112233445566778899aabbccddeeff:6:Good"));

        assertThat(tables.loaded()).containsEntry("hdb", 1L);
        assertThat(tables.skipped()).containsOnly(
                java.util.Map.entry("hdb: malformed line", 2L),
                java.util.Map.entry("hdb: malformed hash", 2L),
                java.util.Map.entry("hdb: malformed size", 1L),
                java.util.Map.entry("hdb: signature without a name", 1L),
                java.util.Map.entry("hdb: requires functionality level 999 (engine has 210)", 1L),
                java.util.Map.entry("hdb: malformed functionality level", 1L),
                java.util.Map.entry("hdb: size beyond 2 GB", 1L));
    }

    @Test
    void manyEntriesSortAndStayFindable() throws Exception {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        byte[][] digests = new byte[5000][];
        for (int i = 0; i < digests.length; i++) {
            digests[i] = new byte[16];
            random.nextBytes(digests[i]);
            text.append(HexFormat.of().formatHex(digests[i])).append(':').append(i % 50 + 1).append(":N").append(i).append('\n');
        }
        HashIndex index = parse("hdb", text.toString()).detect().get(HashAlgorithm.MD5);

        for (int i = 0; i < digests.length; i++) {
            assertThat(index.lookup(i % 50 + 1, digests[i], n -> false)).isEqualTo("N" + i);
        }
        assertThat(index.covers(51)).isFalse();
    }

    @Test
    void ofOneDigestAndSizeUnderSeveralNamesTheFirstLineWins() throws Exception {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] other = new byte[16];
            random.nextBytes(other);
            text.append(HexFormat.of().formatHex(other)).append(':').append(6).append(":Other").append(i).append('\n');
            if (i % 5000 == 0) {
                text.append(hex(HashAlgorithm.MD5, SAMPLE)).append(":6:Sample.").append(i).append('\n');
            }
        }
        HashIndex index = parse("hdb", text.toString()).detect().get(HashAlgorithm.MD5);
        byte[] digest = HashAlgorithm.MD5.newDigest().digest(SAMPLE);

        assertThat(index.lookup(6, digest, n -> false)).isEqualTo("Sample.0");
        assertThat(index.lookup(6, digest, n -> !n.equals("Sample.15000"))).isEqualTo("Sample.15000");
    }

    @Test
    void namesOfOneFamilyAndOtherAlphabetsComeBackWhole() throws Exception {
        byte[][] digests = new byte[300][];
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < digests.length; i++) {
            digests[i] = new byte[32];
            random.nextBytes(digests[i]);
            text.append(HexFormat.of().formatHex(digests[i])).append(":*:").append(i % 3 == 0 ? "Ünïcødé." : "Win.Trojan.")
                    .append("Agent-").append(i).append(":73\n");
        }
        HashIndex index = parse("hsb", text.toString()).detect().get(HashAlgorithm.SHA256);

        for (int i = 0; i < digests.length; i++) {
            assertThat(index.lookup(12345, digests[i], n -> false))
                    .isEqualTo((i % 3 == 0 ? "Ünïcødé." : "Win.Trojan.") + "Agent-" + i);
        }
    }
}
