package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts under the matcher: PE headers, text normalization, the literal index, the verifier's bounds. */
class MatcherPartsTest {

    @Test
    void peHeadersGiveClamavsEntryPointAndSections() throws Exception {
        byte[] exe = Files.readAllBytes(Path.of("/usr/share/clamav-testfiles/clam.exe"));

        PeHeader pe = PeHeader.parse(ByteBuffer.wrap(exe), exe.length);

        assertThat(pe).isNotNull();
        assertThat(pe.entryPoint()).isEqualTo(0x40);
        assertThat(pe.sections()).isEqualTo(1);
        assertThat(pe.sectionOffset(0)).isZero();
        assertThat(pe.sectionSize(0)).isEqualTo(0x200);
    }

    @Test
    void truncatedOrForeignHeadersAreNoPe() throws Exception {
        byte[] exe = Files.readAllBytes(Path.of("/usr/share/clamav-testfiles/clam.exe"));

        assertThat(PeHeader.parse(ByteBuffer.wrap(exe), 0x120)).isNull();
        assertThat(PeHeader.parse(ByteBuffer.wrap(new byte[100]), 100)).isNull();
        byte[] hugeOffset = exe.clone();
        hugeOffset[0x3c] = (byte) 0xff;
        hugeOffset[0x3f] = (byte) 0x7f;
        assertThat(PeHeader.parse(ByteBuffer.wrap(hugeOffset), hugeOffset.length)).isNull();
    }

    @Test
    void textNormalizationFollowsClamav() {
        byte[] text = "Hello,\t\r\n  WORLD\u0001\u00e9!".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[text.length];

        int length = TextNormalizer.normalize(ByteBuffer.wrap(text).asReadOnlyBuffer(), text.length, out, new byte[7]);
        assertThat(TextNormalizer.normalize(text, 0, text.length, new byte[text.length])).isEqualTo(length);

        assertThat(new String(out, 0, length, StandardCharsets.ISO_8859_1)).isEqualTo("hello, world!");
    }

    @Test
    void theLiteralIndexFindsExactlyTheLiteralsANaiveSearchFinds() {
        Random random = new Random(11);
        byte[] data = new byte[20_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + random.nextInt(4));
        }
        LiteralIndexBuilder builder = new LiteralIndexBuilder(300);
        List<byte[]> literals = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            byte[] literal = new byte[2 + random.nextInt(7)];
            for (int i = 0; i < literal.length; i++) {
                literal[i] = (byte) ('a' + random.nextInt(4));
            }
            literals.add(literal);
            builder.add(literal, p);
        }
        LiteralIndex index = builder.build();

        Set<String> expected = new HashSet<>();
        for (int p = 0; p < literals.size(); p++) {
            byte[] literal = literals.get(p);
            for (int at = 0; at + literal.length <= data.length; at++) {
                if (java.util.Arrays.equals(data, at, at + literal.length, literal, 0, literal.length)) {
                    expected.add(p + "@" + at);
                }
            }
        }
        Set<String> found = new HashSet<>();
        int window = 0;
        for (int i = 0; i < data.length; i++) {
            window = window << 8 | (data[i] & 0xff);
            for (int q = 2; q <= LiteralIndex.MAX_GRAM; q++) {
                LiteralIndex.Grams grams = index.grams(q);
                int start = i - q + 1;
                if (grams == null || start < 0) {
                    continue;
                }
                int gram = q == 4 ? window : window & (1 << 8 * q) - 1;
                int h = q == 2 ? gram : LiteralIndex.Grams.hash(gram, grams.shift());
                if ((grams.bits()[h >>> 6] >>> h & 1) == 0 || !grams.secondBit(gram)) {
                    continue;
                }
                int first = grams.firstEntry(gram);
                for (int e = first; first >= 0 && e < grams.entryEnd(first); e++) {
                    int length = index.literalLength(e);
                    boolean equal = start + length <= data.length;
                    for (int k = 0; equal && k < length; k++) {
                        equal = data[start + k] == index.literalByte(index.literalStart(e) + k);
                    }
                    if (equal) {
                        found.add(index.pattern(e) + "@" + start);
                    }
                }
            }
        }
        assertThat(found).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void aPathologicalPatternIsCutOffByTheStepBudget() {
        TestDatabase.Compiled db = TestDatabase.ofNdb(
                "Slow:0:*:63{0-200000}6161{0-200000}6161{0-200000}6161{0-200000}626262");
        byte[] data = ("a".repeat(200_000) + "bbb").getBytes(StandardCharsets.US_ASCII);

        long started = System.nanoTime();
        MatchResult result = db.match(data, com.postwarden.scan.internal.filetype.FileType.BINARY);

        assertThat(result).isEqualTo(MatchResult.NoMatch.INSTANCE);
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(60_000_000_000L);
    }

    @Test
    void manyStarCandidatesCostOnePassThanksToTheMemo() {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Star:0:*:41424344*45464748");
        byte[] data = "ABCD".repeat(250_000).getBytes(StandardCharsets.US_ASCII);

        long started = System.nanoTime();
        assertThat(db.match(data, com.postwarden.scan.internal.filetype.FileType.BINARY))
                .isEqualTo(MatchResult.NoMatch.INSTANCE);
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(20_000_000_000L);
    }
}
