package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.content.LimitedInputStream;
import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a BinHex 4.0 file (RFC 1741, the classic Mac OS mail encoding): header (name, type, creator, flags,
 * fork lengths), the data fork and the resource fork, each followed by its CRC-16 (XMODEM: polynomial 0x1021,
 * initial 0). The data fork is handed over under the file's name, a non-empty resource fork as
 * {@code <name>.rsrc}.
 *
 * <p>A fork is handed over as it is decoded, before its CRC can be checked: a bad CRC then throws
 * {@link IOException} after the hand-over, so corrupted content is still scanned and the damage still reported.
 * A bad header CRC stops before anything is handed over, since the fork lengths cannot be trusted.
 *
 * <p>Hand-written: no Java library decodes BinHex; the format is a 64-character alphabet and a run-length code.
 */
public final class BinHexUnpacker implements Unpacker {
    private static final String MARKER = "(This file must be converted with BinHex";
    private static final int MAX_NAME = 63;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        int marker = Lines.findLineStart(bytes, 0, MARKER, true);
        if (marker < 0) {
            throw new IOException("no BinHex 4.0 marker line");
        }
        int colon = Lines.next(bytes, Lines.end(bytes, marker));
        while (colon < bytes.limit() && isBlank(bytes.get(colon))) {
            colon++;
        }
        if (colon >= bytes.limit() || bytes.get(colon) != ':') {
            throw new IOException("BinHex data does not start with a colon");
        }
        BinHexDecodingStream decoded = new BinHexDecodingStream(bytes, colon + 1);
        Crc16Stream in = new Crc16Stream(decoded);
        int nameLength = readByte(in);
        if (nameLength < 1 || nameLength > MAX_NAME) {
            throw new IOException("BinHex header names a file of " + nameLength + " characters");
        }
        byte[] nameBytes = readFully(in, nameLength);
        readFully(in, 1 + 4 + 4 + 2); // version, type, creator, flags
        long dataLength = readU32(in);
        long resourceLength = readU32(in);
        checkCrc(in, "header");
        String name = new String(nameBytes, StandardCharsets.ISO_8859_1).replaceAll("[\\p{Cntrl}/:]", "_");
        if (!fork(in, name, dataLength, "data fork", entries)) {
            return;
        }
        if (resourceLength > 0) {
            fork(in, name + ".rsrc", resourceLength, "resource fork", entries);
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean fork(Crc16Stream in, String name, long length, String what, Entries entries)
            throws IOException {
        in.reset();
        InputStream fork = new LimitedInputStream(in, length);
        boolean goOn = entries.add(name, fork);
        fork.transferTo(OutputStream.nullOutputStream());
        if (in.count() < length) {
            throw new EOFException("BinHex " + what + " of " + name + " ends after " + in.count() + " of " + length
                    + " bytes");
        }
        checkCrc(in, what + " of " + name);
        return goOn;
    }

    private static void checkCrc(Crc16Stream in, String what) throws IOException {
        int computed = in.crc();
        int stored = readByte(in) << 8 | readByte(in);
        if (computed != stored) {
            throw new IOException(String.format("BinHex %s fails its CRC check (stored %04x, computed %04x)", what,
                    stored, computed));
        }
        in.reset();
    }

    private static int readByte(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("BinHex data ends early");
        }
        return c;
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("BinHex header ends early");
        }
        return bytes;
    }

    private static long readU32(InputStream in) throws IOException {
        return (long) readByte(in) << 24 | readByte(in) << 16 | readByte(in) << 8 | readByte(in);
    }

    /** Counts bytes and computes the CRC-16/XMODEM of what was read since the last {@link #reset()}. */
    private static final class Crc16Stream extends FilterInputStream {
        private int crc;
        private long count;

        Crc16Stream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                update(c);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                update(b[off + i] & 0xff);
            }
            return n;
        }

        private void update(int value) {
            crc ^= value << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
            crc &= 0xffff;
            count++;
        }

        int crc() {
            return crc;
        }

        long count() {
            return count;
        }

        @Override
        public synchronized void reset() {
            crc = 0;
            count = 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
