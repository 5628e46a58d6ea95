package com.postwarden.scan.internal.container.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.Unpackers;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine finds these unpackers for the types it detects in the ClamAV samples. */
class RegistrationTest {

    static Stream<Arguments> samples() {
        return Stream.of(Arguments.of("clam.cab", FileType.CAB, CabUnpacker.class),
                Arguments.of("clam.chm", FileType.CHM, ChmUnpacker.class),
                Arguments.of("clam.arj", FileType.ARJ, ArjUnpacker.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectedTypeOpensWithItsStandardUnpacker(String sample, FileType type, Class<? extends Unpacker> unpacker)
            throws IOException {
        Content content = Content.of(Files.readAllBytes(Tools.clamavTestFile(sample)));

        assertThat(FileTypes.detect(content)).isEqualTo(type);
        assertThat(Unpackers.standard().forType(type)).containsInstanceOf(unpacker);
    }
}
