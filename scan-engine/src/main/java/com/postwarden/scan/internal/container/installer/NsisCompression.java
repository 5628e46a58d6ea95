package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.X86Options;

/**
 * The three compressors an NSIS installer may use (one for the whole installer), told apart by the first bytes
 * of compressed data as 7-Zip and ClamAV do: LZMA starts with its properties byte {@code 0x5D} (NSIS 3 may
 * put a filter flag before it, 1 meaning the x86 branch filter), NSIS's bzip2 with the block byte {@code 0x31}
 * followed by the high byte of the block origin (below 14), anything else is raw deflate.
 */
enum NsisCompression {
    DEFLATE,
    BZIP2,
    LZMA;

    /** The largest LZMA dictionary accepted; NSIS defaults to 8 MiB and documents nothing near this. */
    static final int MAX_DICTIONARY = 64 << 20;
    private static final int LZMA_PROPERTIES = 0x5d;
    private static final int BZIP2_BLOCK = 0x31;
    private static final int BZIP2_MAX_ORIGIN_HIGH = 0x0d;
    private static final int MAX_LZMA_PROPERTIES = 9 * 5 * 5 - 1;
    private static final int BUFFER = 8192;

    /** The compressor of the compressed data at {@code at}. */
    static NsisCompression detect(Content content, long at) {
        int first = ContentBytes.u8(content, at);
        int second = ContentBytes.u8(content, at + 1);
        if (first == LZMA_PROPERTIES || first <= 1 && second == LZMA_PROPERTIES) {
            return LZMA;
        }
        if (first == BZIP2_BLOCK && second >= 0 && second <= BZIP2_MAX_ORIGIN_HIGH) {
            return BZIP2;
        }
        return DEFLATE;
    }

    /** A stream decoding {@code compressed}; closing it releases the decoder. */
    InputStream decoder(InputStream compressed) throws IOException {
        switch (this) {
            case LZMA:
                return lzma(compressed);
            case BZIP2:
                return new NsisBzip2InputStream(compressed);
            default:
                return new InflaterInputStream(compressed, new Inflater(true), BUFFER) {
                    @Override
                    public void close() throws IOException {
                        inf.end();
                        super.close();
                    }
                };
        }
    }

    private static InputStream lzma(InputStream compressed) throws IOException {
        DataInputStream in = new DataInputStream(compressed);
        int first = in.readUnsignedByte();
        boolean x86Filter = false;
        int properties = first;
        if (first <= 1) {
            x86Filter = first == 1;
            properties = in.readUnsignedByte();
        }
        int dictionary = Integer.reverseBytes(in.readInt());
        if (properties > MAX_LZMA_PROPERTIES) {
            throw new IOException("NSIS LZMA properties byte 0x" + Integer.toHexString(properties) + " is invalid");
        }
        if (dictionary < 0 || dictionary > MAX_DICTIONARY) {
            throw new IOException("NSIS LZMA dictionary of " + Integer.toUnsignedString(dictionary)
                    + " bytes exceeds the limit of " + MAX_DICTIONARY);
        }
        ArrayCache cache = BasicArrayCache.getInstance();
        InputStream lzma = new LZMAInputStream(compressed, -1, (byte) properties, dictionary, null, cache);
        return x86Filter ? new X86Options().getInputStream(lzma, cache) : lzma;
    }
}
