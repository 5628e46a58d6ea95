package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;

/**
 * SZDD, the format of Microsoft's {@code COMPRESS.EXE} ({@code setup.ex_}): a 14-byte header (magic
 * {@code SZDD 88 F0 27 33}, mode {@code 'A'}, the file name's last character, the decoded length) and LZSS data,
 * decoded by {@link SzddInputStream}. Its one entry takes the container's name with the last character the
 * header keeps put back in place of the {@code _} ({@code setup.ex_} gives {@code setup.exe}).
 */
final class SzddUnpacker implements Unpacker {
    static final String FORMAT = "SZDD";
    private static final int HEADER_SIZE = 14;
    private static final byte[] MAGIC = {'S', 'Z', 'D', 'D', (byte) 0x88, (byte) 0xf0, 0x27, 0x33};
    private static final int MODE_LZSS = 'A';

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        if (container.size() < HEADER_SIZE) {
            throw ArchiveDamage.damaged(FORMAT, "header cut short at " + container.size() + " bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (container.byteAt(i) != MAGIC[i]) {
                throw ArchiveDamage.damaged(FORMAT, "no SZDD signature");
            }
        }
        int mode = container.byteAt(8) & 0xff;
        if (mode != MODE_LZSS) {
            throw ArchiveDamage.damaged(FORMAT, "unknown compression mode 0x" + Integer.toHexString(mode));
        }
        char lastCharacter = (char) (container.byteAt(9) & 0xff);
        long length = u32le(container, 10);
        try (InputStream data = new SzddInputStream(container, HEADER_SIZE, length)) {
            entries.add(entryName(entries.containerName(), lastCharacter), data);
        }
    }

    /** {@code setup.ex_} and {@code 'e'} give {@code setup.exe}; a name without the {@code _} gives "data". */
    static String entryName(String containerName, char lastCharacter) {
        if (containerName == null || containerName.length() < 2 || !containerName.endsWith("_")) {
            return EntryNames.UNNAMED;
        }
        String stem = containerName.substring(0, containerName.length() - 1);
        return lastCharacter == 0 ? stem : stem + lastCharacter;
    }

    private static long u32le(Content content, int at) {
        return (content.byteAt(at) & 0xffL) | (content.byteAt(at + 1) & 0xffL) << 8
                | (content.byteAt(at + 2) & 0xffL) << 16 | (content.byteAt(at + 3) & 0xffL) << 24;
    }
}
