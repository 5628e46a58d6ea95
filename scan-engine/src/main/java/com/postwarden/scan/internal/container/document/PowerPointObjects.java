package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.LimitedInputStream;
import com.postwarden.scan.internal.container.Entries;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Finds the embedded OLE objects of a PowerPoint 97 presentation: {@code ExOleObjStg} records (type 0x1011) in the
 * {@code PowerPoint Document} stream hold each object's compound file, zlib-compressed when the record instance is
 * 1 (MS-PPT 2.10.34). Records are walked in one pass: a container's children follow its header, an atom is
 * skipped by its length. POI's HSLF would parse the whole presentation into memory (and refuses damaged ones)
 * to reach the same records, so this walk reads only record headers.
 */
final class PowerPointObjects {
    private static final int EX_OLE_OBJ_STG = 0x1011;
    private static final int HEADER = 8;

    private PowerPointObjects() {
    }

    /**
     * Hands each embedded object's storage to {@code entries} as {@code <prefix>ExOleObjStg-<n>}.
     *
     * @return false when {@code entries} asked to stop
     */
    static boolean extract(InputStream document, String prefix, Entries entries) throws IOException {
        byte[] header = new byte[HEADER];
        int count = 0;
        while (true) {
            int n = document.readNBytes(header, 0, HEADER);
            if (n < HEADER) {
                return true; // records end with the stream; a short tail is padding
            }
            int verInstance = (header[0] & 0xff) | (header[1] & 0xff) << 8;
            int type = (header[2] & 0xff) | (header[3] & 0xff) << 8;
            long length = (header[4] & 0xffL) | (header[5] & 0xffL) << 8 | (header[6] & 0xffL) << 16
                    | (header[7] & 0xffL) << 24;
            if ((verInstance & 0xf) == 0xf) {
                continue; // a container: its children follow
            }
            LimitedInputStream body = new LimitedInputStream(document, length);
            if (type == EX_OLE_OBJ_STG) {
                count++;
                if (!handOver(body, verInstance >> 4 == 1, prefix + "ExOleObjStg-" + count, entries)) {
                    return false;
                }
            }
            drain(body);
        }
    }

    private static boolean handOver(InputStream body, boolean compressed, String name, Entries entries)
            throws IOException {
        if (!compressed) {
            return entries.add(name, body);
        }
        PackagedFile.readU32(body); // the decompressed size: not trusted, the engine limits the stream
        Inflater inflater = new Inflater();
        try (InputStream inflated = new InflaterInputStream(body, inflater, 8192)) {
            return entries.add(name, inflated);
        } finally {
            inflater.end();
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] scratch = new byte[4096];
        while (body.skip(Long.MAX_VALUE) > 0 || body.read(scratch) > 0) {
            // skip what the record has left; a record claiming more than the stream holds ends at its end
        }
    }
}
