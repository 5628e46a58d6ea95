package com.postwarden.scan.internal.filetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextFormatDetectionTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "clam.mail, MAIL", "clam.exe.mbox.base64, MAIL", "clam.exe.mbox.uu, MAIL", "clam.exe.html, HTML",
        "clam.exe.binhex, BINHEX",
    })
    void clamAvSamplesAreDetected(String file, FileType type) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("/usr/share/clamav-testfiles", file));

        assertThat(FileTypes.detect(Content.of(bytes))).isEqualTo(type);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("a message with headers unknown to the list", "From: a@example.com\nOrganization: x\n"
                        + "To: b@example.com\nX-Mailer: y\n\nbody", FileType.MAIL),
                Arguments.of("folded headers", "Received: from a\n\tby b\nSubject: hi\n\nbody", FileType.MAIL),
                Arguments.of("Java source", "package com.example;\n\nimport java.util.List;\n\npublic class A {\n"
                        + "    // To: do\n}\n", FileType.TEXT),
                Arguments.of("Python source", "import os\n\ndef main():\n    print('From: x')\n", FileType.TEXT),
                Arguments.of("a note with a colon", "Note: the meeting moved.\nSee you there.\n", FileType.TEXT),
                Arguments.of("YAML configuration", "server:\n  port: 25\n  host: example.com\n", FileType.TEXT),
                Arguments.of("an HTML fragment", "<p>Click <a href=\"https://example.com\">here</a></p>", FileType.HTML),
                Arguments.of("a uuencoded block after text", "See below.\nbegin 644 a.txt\n#86)C\n`\nend\n",
                        FileType.UUENCODE),
                Arguments.of("begin in prose", "We begin 2024 with plans.\n", FileType.TEXT),
                Arguments.of("yEnc", "=ybegin line=128 size=3 name=a.bin\nabc\n=yend size=3\n", FileType.YENC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void textFormatsAreToldApartWithoutFalsePositivesOnOrdinaryText(String what, String text, FileType type) {
        assertThat(FileTypes.detect(Content.of(text.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(type);
    }
}
