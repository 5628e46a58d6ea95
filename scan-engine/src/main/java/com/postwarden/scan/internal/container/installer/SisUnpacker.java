package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Symbian installation files of the old format ({@link SisHeader}): walks the file records (files, files per
 * language, options and conditions) and hands over every packaged file, inflated (zlib) when the package is
 * compressed, named by its install destination. Hand written because no library reads SIS files; the format is
 * described in the Psion/Symbian SIS documentation that ClamAV's sis.c follows.
 */
public final class SisUnpacker implements Unpacker {
    private static final int FILE = 0;
    private static final int FILE_PER_LANGUAGE = 1;
    private static final int OPTIONS = 2;
    private static final int IF = 3;
    private static final int ELSE_IF = 4;
    private static final int ELSE = 5;
    private static final int END_IF = 6;
    /** A file record's type "null": named to be removed on uninstall, no data in the package. */
    private static final long FILE_TYPE_NULL = 4;
    private static final int MAX_NAME_BYTES = 1024;
    private static final int BUFFER = 8192;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        SisHeader header = SisHeader.read(container);
        long position = header.recordsOffset();
        for (int i = 1; i <= header.records(); i++) {
            long type = field(container, position, i);
            position += 4;
            if (type == FILE || type == FILE_PER_LANGUAGE) {
                int copies = type == FILE ? 1 : header.languages();
                FileRecord file = FileRecord.read(container, position, copies, header.release6(), i);
                position = file.end();
                if (file.type() != FILE_TYPE_NULL && !handOver(container, header, file, entries)) {
                    return;
                }
            } else if (type == OPTIONS) {
                long options = field(container, position, i);
                position += 4 + options * header.languages() * 8;
            } else if (type == IF || type == ELSE_IF) {
                position += 4 + field(container, position, i);
            } else if (type != ELSE && type != END_IF) {
                throw new IOException("SIS record " + i + " at offset " + (position - 4) + " has unknown type " + type);
            }
        }
    }

    private static boolean handOver(Content container, SisHeader header, FileRecord file, Entries entries)
            throws IOException {
        String name = name(container, header, file);
        for (int copy = 0; copy < file.lengths().length; copy++) {
            long length = file.lengths()[copy];
            long offset = file.offsets()[copy];
            if (length == 0) {
                continue;
            }
            if (!ContentBytes.has(container, offset, length)) {
                throw new IOException("SIS file '" + name + "' needs " + length + " bytes at offset " + offset
                        + ", past the end (" + container.size() + " bytes): truncated");
            }
            try (InputStream data = data(container, offset, length, header.compressed())) {
                if (!entries.add(name, data)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static InputStream data(Content container, long offset, long length, boolean compressed) {
        InputStream raw = new ContentRangeStream(container, offset, length);
        if (!compressed) {
            return raw;
        }
        return new InflaterInputStream(raw, new Inflater(), BUFFER) {
            @Override
            public void close() throws IOException {
                inf.end();
                super.close();
            }
        };
    }

    /** The destination name (where the file is installed), else the source name, else a made-up one. */
    private static String name(Content container, SisHeader header, FileRecord file) {
        String destination = text(container, file.destinationOffset(), file.destinationLength(), header.unicode());
        if (!destination.isEmpty()) {
            return destination;
        }
        String source = text(container, file.sourceOffset(), file.sourceLength(), header.unicode());
        return source.isEmpty() ? "file-" + file.index() : source;
    }

    private static String text(Content container, long offset, long length, boolean unicode) {
        if (length <= 0 || length > MAX_NAME_BYTES || !ContentBytes.has(container, offset, length)) {
            return "";
        }
        Charset charset = unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
        return new String(ContentBytes.copy(container, offset, (int) length), charset).replace("\0", "");
    }

    private static long field(Content container, long position, int record) throws IOException {
        long value = ContentBytes.u32(container, position);
        if (value < 0) {
            throw new IOException("SIS record " + record + " is cut off at offset " + position + ": truncated");
        }
        return value;
    }

    /**
     * A file record after its type: file type, options, source and destination names (length, pointer), then
     * one length and pointer per copy and, from release 6, one original (uncompressed) length per copy.
     */
    private record FileRecord(int index, long type, long sourceLength, long sourceOffset, long destinationLength,
                              long destinationOffset, long[] lengths, long[] offsets, long end) {

        static FileRecord read(Content container, long position, int copies, boolean release6, int index)
                throws IOException {
            long[] fields = new long[6];
            long at = position;
            for (int i = 0; i < fields.length; i++, at += 4) {
                fields[i] = field(container, at, index);
            }
            long[] lengths = new long[copies];
            long[] offsets = new long[copies];
            for (int i = 0; i < copies; i++, at += 4) {
                lengths[i] = field(container, at, index);
            }
            for (int i = 0; i < copies; i++, at += 4) {
                offsets[i] = field(container, at, index);
            }
            if (release6) {
                at += 4L * copies;
            }
            return new FileRecord(index, fields[0], fields[2], fields[3], fields[4], fields[5], lengths, offsets, at);
        }
    }
}
