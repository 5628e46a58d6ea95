package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.signature.BodyPattern;
import com.postwarden.scan.internal.signature.CharacterClasses;
import com.postwarden.scan.internal.signature.HexPatternParser;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
import com.postwarden.scan.internal.signature.PatternElement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralChooserTest {

    @ParameterizedTest
    @CsvSource({
        "0000000041424344454647, 0, 3, 11",
        "41414141414141414141, 0, 0, 8",
        "4142??434445464748494a, 0, 3, 11",
        "00ff{2}4142434445, 2, 0, 5",
        "4142, 0, 0, 2",
    })
    void picksTheRarestStretchOfUpToEightExactBytes(String hex, int element, int from, int to) throws Exception {
        assertThat(LiteralChooser.choose(HexPatternParser.parse(hex)))
                .isEqualTo(new LiteralChooser.Choice(element, from, to));
    }

    @Test
    void aPatternWithoutTwoStaticBytesHasNoLiteral() throws Exception {
        assertThat(LiteralChooser.choose(HexPatternParser.parse("41??42??43"))).isNull();
    }

    /** The sliding score picks what scoring every window afresh picks, ties going to the first window. */
    @Test
    void theSlidingWindowChoosesAsScoringEveryWindowDoes() throws Exception {
        Random random = new Random(11);
        String[] pieces = {"00", "ff", "41", "61", "20", "90", "??", "4?", "*", "{3}", "(41|42)", "5a", "7a"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder hex = new StringBuilder();
            int length = 2 + random.nextInt(30);
            for (int j = 0; j < length; j++) {
                String piece = pieces[random.nextInt(pieces.length)];
                if (j == 0 || j == length - 1) {
                    piece = random.nextBoolean() ? "41" : "00";
                }
                hex.append(piece);
            }
            BodyPattern pattern = HexPatternParser.parse(hex.toString());
            if (random.nextBoolean()) {
                pattern = pattern.withNocase();
            }
            assertThat(LiteralChooser.choose(pattern)).as(hex.toString()).isEqualTo(everyWindow(pattern));
        }
    }

    /** Every window of every exact stretch scored on its own, the first best kept. */
    private static LiteralChooser.Choice everyWindow(BodyPattern pattern) {
        List<PatternElement> elements = pattern.elements();
        LiteralChooser.Choice best = null;
        long bestScore = Long.MIN_VALUE;
        for (int e = 0; e < elements.size(); e++) {
            if (!(elements.get(e) instanceof ByteRun run)) {
                continue;
            }
            int i = 0;
            while (i < run.length()) {
                if (!run.isExact(i)) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < run.length() && run.isExact(end)) {
                    end++;
                }
                for (int from = i; from + LiteralChooser.MIN_LENGTH <= end; from++) {
                    int to = Math.min(end, from + LiteralChooser.MAX_LENGTH);
                    if (pattern.nocase()) {
                        int letters = 0;
                        for (int k = from; k < to; k++) {
                            if (CharacterClasses.isAsciiLetter(run.values()[k])
                                    && ++letters > LiteralChooser.MAX_NOCASE_LETTERS) {
                                to = k;
                                break;
                            }
                        }
                    }
                    if (to - from < LiteralChooser.MIN_LENGTH) {
                        continue;
                    }
                    long score = LiteralChooser.score(run.values(), from, to);
                    if (score > bestScore) {
                        bestScore = score;
                        best = new LiteralChooser.Choice(e, from, to);
                    }
                }
                i = end;
            }
        }
        return best;
    }
}
