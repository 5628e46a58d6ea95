package com.postwarden.smtp.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DataReaderTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String read(String wire, DataReader reader, ByteArrayOutputStream out) throws Exception {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes(wire)), 7); // tiny buffer: boundaries
        reader.copy(in, out);
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static DataReader unlimited() {
        return new DataReader(Long.MAX_VALUE, Integer.MAX_VALUE - 2, Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain CRLF                    | A: b\\r\\n\\r\\nbody\\r\\n.\\r\\n                | A: b\\r\\n\\r\\nbody\\r\\n
            stuffed dot removed           | a\\r\\n..b\\r\\n.\\r\\n                            | a\\r\\n.b\\r\\n
            stuffed lone dot line         | a\\r\\n..\\r\\n.\\r\\n                             | a\\r\\n.\\r\\n
            bare LF kept                  | a\\nb\\n.\\r\\n                                   | a\\nb\\n
            LF-only terminator            | a\\n.\\n                                         | a\\n
            bare CR kept                  | a\\rb\\r\\n.\\r\\n                                | a\\rb\\r\\n
            stuffed dot then bare CR      | .\\rx\\r\\n.\\r\\n                                | \\rx\\r\\n
            dot inside a line kept        | a.b\\r\\n.\\r\\n                                  | a.b\\r\\n
            empty message                 | .\\r\\n                                          | ''
            8-bit bytes kept              | \\u00e9\\u00ff\\r\\n.\\r\\n                       | \\u00e9\\u00ff\\r\\n
            """)
    void removesDotStuffingAndKeepsEverythingElse(String name, String wire, String expected) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLimits.Outcome outcome = unlimited().copy(new BufferedInputStream(new ByteArrayInputStream(bytes(unescape(wire))), 5), out);
        assertThat(outcome).isEqualTo(ContentLimits.Outcome.COMPLETE);
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(unescape(expected));
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\u00e9", "\u00e9").replace("\\u00ff", "\u00ff");
    }

    @Test
    void leavesPipelinedCommandsAfterTheEndUnread() throws Exception {
        String rest = read("Subject: x\r\n\r\nhi\r\n.\r\nQUIT\r\n", unlimited(), new ByteArrayOutputStream());
        assertThat(rest).isEqualTo("QUIT\r\n");
    }

    @Test
    void aMessageOverTheSizeLimitIsReadToTheEndButNotKept() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes("0123456789abcdef\r\n.\r\nNOOP\r\n")));
        assertThat(new DataReader(10, 1000, 1000).copy(in, out)).isEqualTo(ContentLimits.Outcome.TOO_BIG);
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("NOOP\r\n");
        assertThat(out.size()).isLessThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "line of {0} bytes with limit 10: {1}")
    @CsvSource({"10, COMPLETE", "11, LINE_TOO_LONG"})
    void linesAreMeasuredWithoutTheirLineEnd(int length, ContentLimits.Outcome expected) throws Exception {
        DataReader reader = new DataReader(1_000_000, 10, 1_000_000);
        String wire = "S: x\r\n\r\n" + "x".repeat(length) + "\r\n.\r\n";
        assertThat(reader.copy(new BufferedInputStream(new ByteArrayInputStream(bytes(wire))),
                new ByteArrayOutputStream())).isEqualTo(expected);
    }

    @Test
    void theHeaderLimitCountsOnlyTheHeaderSection() throws Exception {
        String header = "Subject: " + "y".repeat(40) + "\r\n\r\n";
        String body = "z".repeat(500) + "\r\n";
        DataReader fits = new DataReader(1_000_000, 1000, header.length());
        assertThat(fits.copy(new BufferedInputStream(new ByteArrayInputStream(bytes(header + body + ".\r\n"))),
                new ByteArrayOutputStream())).isEqualTo(ContentLimits.Outcome.COMPLETE);
        DataReader tooSmall = new DataReader(1_000_000, 1000, header.length() - 3);
        assertThat(tooSmall.copy(new BufferedInputStream(new ByteArrayInputStream(bytes(header + body + ".\r\n"))),
                new ByteArrayOutputStream())).isEqualTo(ContentLimits.Outcome.HEADER_TOO_BIG);
    }

    @Test
    void aClientThatGoesAwayBeforeTheEndIsAnError() {
        assertThatThrownBy(() -> unlimited().copy(new BufferedInputStream(new ByteArrayInputStream(bytes("abc\r\n"))),
                new ByteArrayOutputStream())).isInstanceOf(EOFException.class);
    }
}
