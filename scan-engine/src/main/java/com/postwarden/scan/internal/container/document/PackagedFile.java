package com.postwarden.scan.internal.container.document;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the header of an OLE "Package" object, the wrapper Windows' Object Packager puts around an embedded file:
 * the body of an {@code \1Ole10Native} stream after its 4-byte size, and the native data of an OLE1 object of
 * class {@code Package} in RTF. Layout: {@code u16 type (2)}, label (ASCIIZ), source path (ASCIIZ),
 * {@code u16 u16}, temporary path ({@code u32} length + ASCII), {@code u32} data size, data.
 * No public specification exists; the layout is the one POI's {@code Ole10Native} and ClamAV read.
 *
 * <p>Only the header is read; the file itself stays in the stream for the caller to hand over.
 */
public final class PackagedFile {
    /** Longest label or path accepted; Windows paths are far shorter, a longer one is not a package header. */
    static final int MAX_NAME = 4096;

    private PackagedFile() {
    }

    /** A parsed header: the original file name and how many data bytes follow it. */
    public record Header(String name, long dataSize) {
    }

    /**
     * Reads a package header from {@code in}; empty when the bytes are not one (the caller then hands over the
     * whole object as it is). {@code available} bounds the data size: a header claiming more is not trusted.
     */
    public static Optional<Header> read(InputStream in, long available) throws IOException {
        if (readU16(in) != 2) {
            return Optional.empty();
        }
        String label = readAsciiZ(in);
        String path = readAsciiZ(in);
        if (label == null || path == null) {
            return Optional.empty();
        }
        readU16(in);
        readU16(in);
        long commandLength = readU32(in);
        if (commandLength > MAX_NAME) {
            return Optional.empty();
        }
        String command = readAscii(in, (int) commandLength);
        long dataSize = readU32(in);
        long headerSize = 2 + label.length() + 1 + path.length() + 1 + 4 + 4 + commandLength + 4;
        if (dataSize > available - headerSize) {
            return Optional.empty();
        }
        String name = baseName(!path.isEmpty() ? path : !command.isEmpty() ? command : label);
        return Optional.of(new Header(name.isEmpty() ? "package" : name, dataSize));
    }

    /** The last component of a Windows or Unix path, without control characters. */
    static String baseName(String path) {
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        String base = cut >= 0 ? path.substring(cut + 1) : path;
        return base.replaceAll("\\p{Cntrl}", "").strip();
    }

    private static String readAsciiZ(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = readByte(in); c != 0; c = readByte(in)) {
            if (text.length() == MAX_NAME || c < 0x20 && c != '\t') {
                return null;
            }
            text.append((char) c);
        }
        return text.toString();
    }

    private static String readAscii(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("package header ends early");
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static int readByte(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("package header ends early");
        }
        return c;
    }

    static int readU16(InputStream in) throws IOException {
        return readByte(in) | readByte(in) << 8;
    }

    public static long readU32(InputStream in) throws IOException {
        return readU16(in) | (long) readU16(in) << 16;
    }
}
