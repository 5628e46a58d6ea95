package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.BlockDecodingStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A file of an InstallShield cabinet: chunks of a 16-bit length and raw deflate data, each inflated on its own
 * (a chunk need not end its deflate stream), the outputs concatenated. At most one chunk (64 KiB) is held.
 */
final class InstallShieldChunkStream extends BlockDecodingStream {
    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private boolean chunkLoaded;
    private long chunks;

    InstallShieldChunkStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (chunkLoaded && !inflater.finished() && !inflater.needsInput()) {
                int n = inflate(target, offset, length);
                if (n > 0) {
                    return n;
                }
                if (inflater.needsDictionary()) {
                    throw new IOException("InstallShield cabinet chunk " + chunks + " needs a preset dictionary");
                }
                continue;
            }
            if (!nextChunk()) {
                return -1;
            }
        }
    }

    private int inflate(byte[] target, int offset, int length) throws IOException {
        try {
            return inflater.inflate(target, offset, length);
        } catch (DataFormatException e) {
            throw new IOException("InstallShield cabinet chunk " + chunks + " is damaged: " + e.getMessage(), e);
        }
    }

    private boolean nextChunk() throws IOException {
        byte[] length = in.readNBytes(2);
        if (length.length == 0) {
            return false;
        }
        if (length.length < 2) {
            throw new EOFException("InstallShield cabinet file ends inside a chunk length: truncated");
        }
        int size = length[0] & 0xff | (length[1] & 0xff) << 8;
        byte[] chunk = in.readNBytes(size);
        if (chunk.length < size) {
            throw new EOFException("InstallShield cabinet chunk " + (chunks + 1) + " is cut off: truncated");
        }
        chunks++;
        inflater.reset();
        inflater.setInput(chunk);
        chunkLoaded = size > 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
