package com.postwarden.scan.internal.container.archive;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Feeds arbitrary bytes to the zip, 7z, tar and cpio unpackers and the compressed-file ones: whatever the input,
 * nothing but IOException may escape. In a normal build this replays the committed seeds in
 * {@code ArchiveUnpackersFuzzTestInputs/} (small archives made by the real tools); {@code JAZZER_FUZZ=1} with
 * {@code -Dtest=} on this class fuzzes and adds findings there.
 */
class ArchiveUnpackersFuzzTest {
    private static final Map<FileType, Unpacker> UNPACKERS = ArchiveUnpackers.byType();
    private static final List<FileType> FUZZED = List.of(FileType.ZIP, FileType.SEVEN_ZIP, FileType.TAR,
            FileType.CPIO, FileType.GZIP, FileType.BZIP2, FileType.XZ, FileType.LZMA);

    @FuzzTest(maxDuration = "5m")
    void anyBytesUnpackWithNothingButIOException(byte[] input) {
        Content content = Content.of(input);
        for (FileType type : FUZZED) {
            try {
                UNPACKERS.get(type).unpack(content, new CappedEntries(50, 1 << 20));
            } catch (IOException expected) {
                // damaged input is reported this way
            }
        }
    }
}
