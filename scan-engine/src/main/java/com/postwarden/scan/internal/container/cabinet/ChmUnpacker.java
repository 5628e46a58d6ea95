package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Unpacks Compiled HTML Help (ITSF/ITSS): every file of the directory listing, by its path in the CHM
 * ({@code /index.html}, {@code /#SYSTEM}), from section 0 (stored) or section 1 (LZX). The storage files under
 * {@code ::DataSpace/} describe the sections themselves and are not handed over; directories neither.
 * Hand-written because no maintained Java library reads CHM: the Java CHM readers are unmaintained viewer
 * projects that read whole sections into memory.
 *
 * <p>Stored files go first, in directory order; then the compressed ones in order of their offset, from one
 * pass of the LZX decoder over the section (a file overlapping the one before restarts it). Decoding, also
 * where it only skips to the next file, stops when the scanning thread is interrupted. Stateless and
 * thread-safe.
 */
public final class ChmUnpacker implements Unpacker {

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ChmDirectory directory = ChmDirectory.read(container, EntryCap.recordsToKeep(entries));
        List<ChmEntry> compressed = new ArrayList<>();
        IOException deferred = null;
        for (ChmEntry entry : directory.files()) {
            if (entry.section() == 1) {
                compressed.add(entry);
            } else if (entry.section() != 0) {
                deferred = deferred != null ? deferred
                        : new IOException("CHM entry " + entry.name() + " is in unknown section " + entry.section());
            } else if (!entries.add(entry.name(), stored(container, directory, entry))) {
                return;
            }
        }
        if (!compressed.isEmpty() && !unpackCompressed(container, directory, compressed, entries)) {
            return;
        }
        if (deferred != null) {
            throw deferred;
        }
    }

    private static InputStream stored(Content container, ChmDirectory directory, ChmEntry entry) {
        InputStream range = new ContentRangeStream(container, directory.section0() + entry.offset(), entry.length());
        return new ExactLengthInputStream(range, entry.length(), "CHM entry " + entry.name());
    }

    private static boolean unpackCompressed(Content container, ChmDirectory directory, List<ChmEntry> files,
                                            Entries entries) throws IOException {
        ChmCompressedSection section = ChmCompressedSection.read(container, directory);
        files.sort(Comparator.comparingLong(ChmEntry::offset));
        ChmSectionStream stream = null;
        long position = 0;
        for (ChmEntry file : files) {
            String what = "CHM entry " + file.name();
            if (file.offset() > section.length() || file.length() > section.length() - file.offset()) {
                throw new IOException(what + " lies beyond the compressed section");
            }
            if (file.length() == 0) {
                if (!entries.add(file.name(), InputStream.nullInputStream())) {
                    return false;
                }
                continue;
            }
            if (stream == null || file.offset() < position) {
                stream = new ChmSectionStream(container, section);
                position = 0;
            }
            stream.skipExactly(file.offset() - position, what);
            position = file.offset();
            ExactLengthInputStream data = new ExactLengthInputStream(stream, file.length(), what);
            boolean more = entries.add(file.name(), data);
            position += data.consumed();
            if (!more) {
                return false;
            }
        }
        return true;
    }
}
