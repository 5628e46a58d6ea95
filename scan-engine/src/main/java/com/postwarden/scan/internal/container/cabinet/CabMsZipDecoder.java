package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Folder compression MSZIP ([MS-MCI] 2): each block is "CK" followed by a complete raw deflate stream of at
 * most 32 KB, whose back-references may reach into the previous blocks' last 32 KB. So each block gets a
 * fresh inflater (the previous stream has ended with its final block) preset with that history as the
 * dictionary, which a raw inflater accepts before its first input.
 */
final class CabMsZipDecoder implements CabBlockDecoder {
    private static final int MAX_BLOCK = 32_768;
    private static final int HISTORY = 32_768;

    private final Content content;
    private final Inflater inflater = new Inflater(true);
    private final byte[] input = new byte[65_535];
    private final byte[] history = new byte[HISTORY];
    private int historyLength;

    CabMsZipDecoder(Content content) {
        this.content = content;
    }

    @Override
    public void decode(CabDataBlock block, byte[] out) throws IOException {
        int size = block.uncompressedSize();
        if (size > MAX_BLOCK) {
            throw new IOException("MSZIP block of " + size + " bytes exceeds 32 KB");
        }
        int compressed = block.compressedSize();
        content.read((int) block.payload(), input, 0, compressed);
        if (compressed < 2 || input[0] != 'C' || input[1] != 'K') {
            throw new IOException("MSZIP block lacks its CK signature");
        }
        inflater.reset();
        if (historyLength > 0) {
            inflater.setDictionary(history, HISTORY - historyLength, historyLength);
        }
        inflater.setInput(input, 2, compressed - 2);
        int done = 0;
        try {
            while (done < size) {
                int n = inflater.inflate(out, done, size - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("MSZIP block ends after " + done + " of " + size + " bytes");
                }
                done += n;
            }
        } catch (DataFormatException e) {
            throw new IOException("MSZIP block is corrupt: " + e.getMessage(), e);
        }
        remember(out, size);
    }

    private void remember(byte[] out, int size) {
        int keep = Math.min(historyLength, HISTORY - size);
        System.arraycopy(history, HISTORY - keep, history, HISTORY - keep - size, keep);
        System.arraycopy(out, 0, history, HISTORY - size, size);
        historyLength = keep + size;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
