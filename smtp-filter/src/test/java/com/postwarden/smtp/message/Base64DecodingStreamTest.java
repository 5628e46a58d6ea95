package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Base64DecodingStreamTest {
    private final List<String> defects = new ArrayList<>();

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("SGVsbG8gd29ybGQ=", "Hello world", false),
                Arguments.of("SGVs\r\nbG8g\r\nd29y bGQ=", "Hello world", false),
                Arguments.of("SGk", "Hi", true),
                Arguments.of("SGVs*bG8g!d29y#bGQ=", "Hello world", true),
                Arguments.of("SGk=dGhlcmU=", "Hithere", true),
                Arguments.of("SGk=\r\n", "Hi", false),
                Arguments.of("SGk==", "Hi", false),
                Arguments.of("SGkx", "Hi1", false),
                Arguments.of("S", "", true),
                Arguments.of("", "", false));
    }

    @ParameterizedTest(name = "\"{0}\" decodes to \"{1}\", irregular: {2}")
    @MethodSource("encodings")
    void decodesLenientlyAndReportsIrregularities(String encoded, String decoded, boolean defect) throws IOException {
        byte[] result = decode(encoded.getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(result, StandardCharsets.US_ASCII)).isEqualTo(decoded);
        assertThat(defects.isEmpty()).isNotEqualTo(defect);
    }

    @Test
    void eachIrregularityIsReportedOnceNotForEveryByte() throws IOException {
        decode("SGVs*bG8g*d29y*bGQ=".getBytes(StandardCharsets.US_ASCII));

        assertThat(defects).containsExactly("character outside the base64 alphabet: 0x2a");
    }

    @Test
    void agreesWithTheJdkDecoderOnWellFormedInputOfAnySize() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 2, 3, 57, 58, 1000, 100_000}) {
            byte[] original = new byte[size];
            random.nextBytes(original);

            assertThat(decode(Base64.getMimeEncoder().encode(original))).isEqualTo(original);
        }
        assertThat(defects).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "reads of {0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 4, 7, 8191})
    void readsOfAnySizeSeeTheSameBytesAcrossLineBreaksAndConcatenation(int readSize) throws IOException {
        Random random = new Random(readSize);
        byte[] first = new byte[10_000];
        byte[] second = new byte[4_001];
        random.nextBytes(first);
        random.nextBytes(second);
        byte[] encoded = (Base64.getMimeEncoder().encodeToString(first) + "\r\n"
                + Base64.getMimeEncoder().encodeToString(second)).getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = new Base64DecodingStream(new ByteArrayInputStream(encoded), defects::add)) {
            byte[] buffer = new byte[readSize];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
        byte[] expected = new byte[first.length + second.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertThat(out.toByteArray()).isEqualTo(expected);
    }

    @Test
    void singleByteReadsSeeTheSameBytes() throws IOException {
        byte[] encoded = Base64.getEncoder().encode("single bytes".getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        try (InputStream in = new Base64DecodingStream(new ByteArrayInputStream(encoded), defects::add)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.append((char) b);
            }
        }

        assertThat(out).hasToString("single bytes");
    }

    private byte[] decode(byte[] encoded) throws IOException {
        try (InputStream in = new Base64DecodingStream(new ByteArrayInputStream(encoded), defects::add)) {
            return in.readAllBytes();
        }
    }
}
