package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.installer.InstallShieldOverlay.StoredFile;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Executables (PE, and DOS programs with appended data): hands over what installers and droppers carry inside
 * them, so the engine scans it too, in file order: what {@link EmbeddedObjectScanner} finds by magic number past
 * the headers (embedded PE images carved to their declared size, cabinets and 7z archives to theirs, NSIS,
 * AutoIt and InstallShield-MSI payloads, which their own unpackers open, and in the overlay self-extracting zip,
 * RAR, ARJ and OLE2 data to the end of the file), the files of an older InstallShield launcher's overlay
 * ({@link InstallShieldOverlay}), and last those of the InstallShield cabinets among them
 * ({@link InstallShieldCabinet}). At most {@link #MAX_EMBEDDED_OBJECTS} embedded objects; the file itself is
 * never handed over again. An executable whose sections lie past its end is reported as damaged after its
 * entries.
 */
public final class PeUnpacker implements Unpacker {
    /** Embedded objects handed over per executable at most; real installers and droppers carry a few. */
    public static final int MAX_EMBEDDED_OBJECTS = 32;
    private static final int DOS_HEADER = 0x40;
    private static final int DOS_PAGE = 512;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        PeImage image = PeImage.parse(container, 0, container.size());
        if (image == null && !isDosProgram(container)) {
            return;
        }
        long scanStart = image != null ? image.headersEnd() : dosImageEnd(container);
        long overlayStart = image != null ? image.overlayStart() : scanStart;
        List<StoredFile> stored = image != null ? InstallShieldOverlay.read(container, overlayStart) : List.of();
        long storedEnd = stored.isEmpty() ? overlayStart : stored.get(stored.size() - 1).end();
        List<EmbeddedObject> objects = EmbeddedObjectScanner.find(container, scanStart, overlayStart, overlayStart,
                storedEnd, MAX_EMBEDDED_OBJECTS);
        // the cabinets last: a damaged one ends the unpacking with an error
        if (!handOver(container, objects, entries, true, overlayStart) || !handOver(container, stored, entries)
                || !handOver(container, objects, entries, false, overlayStart)
                || !InstallShieldCabinet.handOver(container, stored, entries)) {
            return;
        }
        if (image != null && image.sectionBeyondEnd() >= 0) {
            throw new IOException("PE section " + (image.sectionBeyondEnd() + 1) + " starts past the end of the file ("
                    + container.size() + " bytes): truncated");
        }
    }

    private static boolean handOver(Content container, List<EmbeddedObject> objects, Entries entries,
                                    boolean beforeOverlay, long overlayStart) throws IOException {
        for (EmbeddedObject object : objects) {
            if (object.offset() < overlayStart == beforeOverlay
                    && !add(entries, object.name(), container, object.offset(), object.length())) {
                return false;
            }
        }
        return true;
    }

    private static boolean handOver(Content container, List<StoredFile> files, Entries entries) throws IOException {
        for (StoredFile file : files) {
            if (!add(entries, file.name(), container, file.offset(), file.length())) {
                return false;
            }
        }
        return true;
    }

    private static boolean add(Entries entries, String name, Content container, long offset, long length)
            throws IOException {
        try (InputStream data = new ContentRangeStream(container, offset, length)) {
            return entries.add(name, data);
        }
    }

    /** A DOS program: {@code MZ} and no NE, LE or PE header where {@code e_lfanew} points. */
    private static boolean isDosProgram(Content container) {
        if (ContentBytes.u16(container, 0) != 0x5a4d || container.size() < DOS_HEADER) {
            return false;
        }
        int signature = ContentBytes.u16(container, ContentBytes.u32(container, 0x3c));
        return signature != 0x4550 && signature != 0x454e && signature != 0x454c;
    }

    /** Where a DOS program's load image ends (pages and bytes in the last page), within the file. */
    private static long dosImageEnd(Content container) {
        int lastPage = ContentBytes.u16(container, 2);
        int pages = ContentBytes.u16(container, 4);
        long end = (long) pages * DOS_PAGE - (lastPage == 0 ? 0 : DOS_PAGE - lastPage);
        return Math.max(DOS_HEADER, Math.min(end, container.size()));
    }
}
