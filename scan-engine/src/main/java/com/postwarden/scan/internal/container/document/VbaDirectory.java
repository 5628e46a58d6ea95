package com.postwarden.scan.internal.container.document;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the module list from the decompressed {@code dir} stream of a VBA project (MS-OVBA 2.3.4.2): for each
 * module its name, the name of its stream and where the compressed source starts in that stream.
 *
 * <p>POI's {@code VBAMacroReader} reads the same records but decodes every module into a {@code String} at once;
 * a module's compressed source can expand a thousandfold, so the engine instead streams each module through POI's
 * {@code RLEDecompressingInputStream} and needs only this list. Record payloads are skipped, never allocated
 * from their size field; names are cut at {@link #MAX_NAME} bytes.
 */
public final class VbaDirectory {
    static final int MAX_NAME = 1024;
    private static final int CODEPAGE = 0x0003;
    private static final int VERSION = 0x0009;
    private static final int TERMINATOR = 0x0010;
    private static final int MODULE_NAME = 0x0019;
    private static final int MODULE_NAME_UNICODE = 0x0047;
    private static final int MODULE_STREAM_NAME = 0x001A;
    private static final int MODULE_STREAM_NAME_UNICODE = 0x0032;
    private static final int MODULE_OFFSET = 0x0031;
    private static final int MODULE_END = 0x002B;

    private VbaDirectory() {
    }

    /** One module: where its source is. */
    public record Module(String name, String streamName, long offset) {
    }

    /** Reads records until the terminator; a record running past the end is damage. */
    public static List<Module> read(InputStream dir) throws IOException {
        List<Module> modules = new ArrayList<>();
        Charset charset = Charset.forName("windows-1252");
        String name = null;
        String streamName = null;
        long offset = -1;
        while (true) {
            int id = dir.read();
            if (id < 0) {
                return modules; // some writers omit the terminator
            }
            id |= readByte(dir) << 8;
            long size = PackagedFile.readU32(dir);
            if (id == TERMINATOR) {
                return modules;
            }
            switch (id) {
                case VERSION:
                    skipFully(dir, 6); // its size field says 4, six bytes follow (MS-OVBA 2.3.4.2.1.11)
                    break;
                case CODEPAGE:
                    charset = codepage(readBytes(dir, size), charset);
                    break;
                case MODULE_NAME:
                    name = new String(readBytes(dir, size), charset);
                    break;
                case MODULE_NAME_UNICODE:
                    name = new String(readBytes(dir, size), StandardCharsets.UTF_16LE);
                    break;
                case MODULE_STREAM_NAME:
                    streamName = new String(readBytes(dir, size), charset);
                    break;
                case MODULE_STREAM_NAME_UNICODE:
                    streamName = new String(readBytes(dir, size), StandardCharsets.UTF_16LE);
                    break;
                case MODULE_OFFSET:
                    byte[] value = readBytes(dir, size);
                    offset = value.length == 4 ? (value[0] & 0xffL) | (value[1] & 0xffL) << 8
                            | (value[2] & 0xffL) << 16 | (value[3] & 0xffL) << 24 : -1;
                    break;
                case MODULE_END:
                    skipFully(dir, size);
                    if (streamName != null && offset >= 0) {
                        modules.add(new Module(name != null ? name : streamName, streamName, offset));
                    }
                    name = null;
                    streamName = null;
                    offset = -1;
                    break;
                default:
                    skipFully(dir, size);
            }
        }
    }

    private static Charset codepage(byte[] value, Charset fallback) {
        if (value.length != 2) {
            return fallback;
        }
        int codepage = (value[0] & 0xff) | (value[1] & 0xff) << 8;
        for (String candidate : new String[] {"windows-" + codepage, "cp" + codepage, "x-windows-" + codepage}) {
            try {
                if (Charset.isSupported(candidate)) {
                    return Charset.forName(candidate);
                }
            } catch (IllegalArgumentException e) {
                // not a charset name Java knows; try the next spelling
            }
        }
        return fallback;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(size, MAX_NAME));
        if (bytes.length < Math.min(size, MAX_NAME)) {
            throw new EOFException("VBA dir stream ends inside a record");
        }
        skipFully(in, size - bytes.length);
        return bytes;
    }

    private static int readByte(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("VBA dir stream ends inside a record header");
        }
        return c;
    }

    /** Skips by reading: POI's decompressing stream miscounts {@code skip} across chunk boundaries. */
    private static void skipFully(InputStream in, long count) throws IOException {
        byte[] scratch = new byte[512];
        long left = count;
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw new EOFException("VBA dir stream ends inside a record");
            }
            left -= n;
        }
    }
}
