package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Unpacks ARJ archives: methods 0 (stored), 1 to 3 (LZ77 with Huffman codes) and 4 (fastest), each entry's
 * data checked against its CRC-32 at its end. Garbled (password-protected) entries are reported as encrypted;
 * entries spanning volumes and unknown methods cannot be read and, after every readable entry has been handed
 * over, the first such problem is reported as an {@link IOException}. Hand-written because Commons Compress,
 * the one maintained Java ARJ reader, extracts only stored entries and does not expose the garbled flag or the
 * raw data of compressed ones; one header parser here serves all methods. Stateless and thread-safe.
 */
public final class ArjUnpacker implements Unpacker {
    private static final String FORMAT = "ARJ";

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ArjHeader main = ArjHeader.read(container, 0);
        if (main == null || main.fileType() != ArjHeader.TYPE_COMMENT_HEADER) {
            throw new IOException("not an ARJ archive: main header missing");
        }
        IOException deferred = null;
        long position = main.data();
        for (ArjHeader entry = ArjHeader.read(container, position); entry != null;
             entry = ArjHeader.read(container, position)) {
            position = entry.data() + entry.compressedSize();
            if (!entry.hasData()) {
                continue;
            }
            if (entry.spansVolumes()) {
                deferred = first(deferred, new IOException("ARJ entry " + entry.name() + " spans volumes"));
            } else if (entry.isGarbled()) {
                if (!entries.encrypted(entry.name(), FORMAT)) {
                    return;
                }
            } else if (entry.method() > 4) {
                deferred = first(deferred, new IOException("ARJ compression method " + entry.method()
                        + " of " + entry.name() + " is not supported"));
            } else if (!entries.add(entry.name(), data(container, entry))) {
                return;
            }
        }
        if (deferred != null) {
            throw deferred;
        }
    }

    private static InputStream data(Content container, ArjHeader entry) {
        String what = "ARJ entry " + entry.name();
        InputStream compressed = new ContentRangeStream(container, entry.data(), entry.compressedSize());
        InputStream decoded;
        switch (entry.method()) {
            case 0:
                decoded = compressed;
                break;
            case 4:
                decoded = new ArjFastestDecoder(compressed, entry.originalSize());
                break;
            default:
                decoded = new ArjLzhDecoder(compressed, entry.originalSize());
                break;
        }
        return new CrcCheckingInputStream(new ExactLengthInputStream(decoded, entry.originalSize(), what),
                entry.crc(), what);
    }

    private static IOException first(IOException earlier, IOException later) {
        return earlier != null ? earlier : later;
    }
}
