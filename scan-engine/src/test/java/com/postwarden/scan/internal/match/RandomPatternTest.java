package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random hex signatures over a four-byte alphabet, so that partial matches and backtracking abound, checked
 * against java.util.regex on the same bytes: the matcher must find a match exactly when the regex does.
 */
class RandomPatternTest {
    private static final byte[] ALPHABET = {0x41, 0x42, 0x43, (byte) 0xa1};

    @Test
    void matcherAgreesWithARegularExpressionOnRandomPatternsAndData() {
        Random random = new Random(20261122);
        int matched = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder hex = new StringBuilder();
            StringBuilder regex = new StringBuilder();
            randomPattern(random, hex, regex);
            byte[] data = randomData(random, 50 + random.nextInt(400));
            if (random.nextBoolean()) {
                plant(random, data, regex.toString());
            }
            boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL)
                    .matcher(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)).find();
            TestDatabase.Compiled db = TestDatabase.ofNdb("Random:0:*:" + hex);
            boolean actual = db.match(data, com.postwarden.scan.internal.filetype.FileType.BINARY)
                    instanceof MatchResult.Detected;
            assertThat(actual).as("pattern %s regex %s data %s", hex, regex,
                    java.util.HexFormat.of().formatHex(data)).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("rounds with a match").isGreaterThan(300);
    }

    private static void randomPattern(Random random, StringBuilder hex, StringBuilder regex) {
        literal(random, hex, regex, 2 + random.nextInt(3));
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(8)) {
                case 0 -> {
                    hex.append("??");
                    regex.append('.');
                }
                case 1 -> {
                    int n = random.nextInt(3);
                    int m = n + random.nextInt(4);
                    hex.append('{').append(n).append('-').append(m).append('}');
                    regex.append(".{").append(n).append(',').append(m).append('}');
                }
                case 2 -> {
                    hex.append('*');
                    regex.append(".*");
                }
                case 3 -> {
                    int a = ALPHABET[random.nextInt(4)] & 0xff;
                    int b = ALPHABET[random.nextInt(4)] & 0xff;
                    if (a == b) {
                        b = a ^ 1;
                    }
                    hex.append(String.format("(%02x|%02x%02x)", a, b, a));
                    regex.append(String.format("(?:\\x%02x|\\x%02x\\x%02x)", a, b, a));
                }
                case 4 -> {
                    int a = ALPHABET[random.nextInt(4)] & 0xff;
                    hex.append(String.format("!(%02x)", a));
                    regex.append(String.format("[^\\x%02x]", a));
                }
                case 5 -> {
                    int a = ALPHABET[random.nextInt(4)] & 0xff;
                    hex.append(String.format("%x?", a >> 4));
                    regex.append(String.format("[\\x%x0-\\x%xf]", a >> 4, a >> 4));
                }
                case 6 -> {
                    int n = 1 + random.nextInt(3);
                    hex.append("{-").append(n).append('}');
                    regex.append(".{0,").append(n).append('}');
                }
                default -> {
                }
            }
            literal(random, hex, regex, 1 + random.nextInt(3));
        }
        if (random.nextBoolean()) {
            // a prefix before a gap, so that the chosen literal sits in the middle of the pattern
            StringBuilder prefixHex = new StringBuilder();
            StringBuilder prefixRegex = new StringBuilder();
            literal(random, prefixHex, prefixRegex, 1);
            prefixHex.append("{0-3}");
            prefixRegex.append(".{0,3}");
            hex.insert(0, prefixHex);
            regex.insert(0, prefixRegex);
        }
    }

    private static void literal(Random random, StringBuilder hex, StringBuilder regex, int length) {
        for (int i = 0; i < length; i++) {
            int b = ALPHABET[random.nextInt(4)] & 0xff;
            hex.append(String.format("%02x", b));
            regex.append(String.format("\\x%02x", b));
        }
    }

    private static byte[] randomData(Random random, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = ALPHABET[random.nextInt(4)];
        }
        return data;
    }

    /** Overwrites part of the data with a random string the regex matches, when one is found quickly. */
    private static void plant(Random random, byte[] data, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        for (int attempt = 0; attempt < 200; attempt++) {
            byte[] candidate = randomData(random, 4 + random.nextInt(20));
            java.util.regex.Matcher m = pattern.matcher(new String(candidate, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (m.find()) {
                int at = random.nextInt(Math.max(1, data.length - candidate.length));
                System.arraycopy(candidate, 0, data, at, Math.min(candidate.length, data.length - at));
                return;
            }
        }
    }
}
