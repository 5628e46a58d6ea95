package com.postwarden.smtp.relay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DotStuffingOutputStreamTest {

    @ParameterizedTest(name = "[{0}] is sent as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "a\\r\\n|a\\r\\n.\\r\\n",
            ".a\\r\\n|..a\\r\\n.\\r\\n",
            "a\\r\\n.\\r\\n|a\\r\\n..\\r\\n.\\r\\n",
            "a\\n.b\\n|a\\n..b\\n\\r\\n.\\r\\n",
            "a\\n.\\r\\n|a\\n..\\r\\n.\\r\\n",
            "a\\r.b\\r\\n|a\\r.b\\r\\n.\\r\\n",
            "a.b\\r\\n|a.b\\r\\n.\\r\\n",
            "no end|no end\\r\\n.\\r\\n",
            "..\\r\\n...|...\\r\\n....\\r\\n.\\r\\n",
            "''|.\\r\\n"})
    void dotsThatStartALineAreDoubledAndTheDataIsTerminated(String content, String wire) throws IOException {
        assertThat(stuff(unescape(content), 1)).isEqualTo(unescape(wire));
        assertThat(stuff(unescape(content), 1000)).isEqualTo(unescape(wire));
    }

    /** Writes in chunks of {@code chunk} bytes, so that line starts fall on chunk boundaries too. */
    private static String stuff(String content, int chunk) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(wire);
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            out.write(bytes, i, Math.min(chunk, bytes.length - i));
        }
        out.finish();
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
