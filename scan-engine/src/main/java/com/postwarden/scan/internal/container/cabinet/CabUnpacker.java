package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Unpacks Microsoft cabinets ([MS-CAB]): folders compressed with none, MSZIP or LZX. Hand-written because no
 * maintained Java library reads cabinets: Commons Compress and POI do not, and the small CAB readers for Java
 * are single-maintainer projects without the guarantees the engine needs (streaming, bounded memory, clean
 * failure on hostile input). Checksums are not verified; the engine's limits and the decoders' own checks
 * catch damage.
 *
 * <p>Each folder is decoded once from its start, its files handed over in order of their offset; a file that
 * overlaps the one before restarts the folder. The bytes decoded to reach a file are not handed over, so the
 * engine's byte limits do not bound them; an interrupt of the scanning thread does.
 *
 * <p>Quantum folders, files spanning into other cabinets and a folder continued from a previous cabinet cannot
 * be read: their files are skipped and, after every readable file has been handed over, the first such problem
 * is reported as an {@link IOException} (a damaged container for the engine). Stateless and thread-safe.
 */
public final class CabUnpacker implements Unpacker {

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        CabDirectory directory = CabDirectory.read(container, EntryCap.recordsToKeep(entries));
        IOException deferred = null;
        boolean firstFolderContinued = false;
        List<List<CabFile>> byFolder = new ArrayList<>();
        for (int i = 0; i < directory.folders().size(); i++) {
            byFolder.add(new ArrayList<>());
        }
        for (CabFile file : directory.files()) {
            if (file.spansCabinets()) {
                firstFolderContinued |= file.continuesFromPrevious();
                deferred = first(deferred, new IOException("CAB entry " + file.name() + " spans cabinets"));
            } else {
                byFolder.get(file.folder()).add(file);
            }
        }
        for (CabFolder folder : directory.folders()) {
            List<CabFile> files = byFolder.get(folder.index());
            if (files.isEmpty()) {
                continue;
            }
            if (folder.index() == 0 && firstFolderContinued) {
                deferred = first(deferred, new IOException("CAB folder 0 continues from a previous cabinet"));
                continue;
            }
            if (folder.method() == CabFolder.METHOD_QUANTUM || folder.method() > CabFolder.METHOD_LZX) {
                deferred = first(deferred, new IOException(
                        "CAB compression method " + folder.methodName() + " is not supported"));
                continue;
            }
            files.sort(Comparator.comparingLong(CabFile::offset));
            if (!unpackFolder(container, directory, folder, files, entries)) {
                return;
            }
        }
        if (deferred != null) {
            throw deferred;
        }
    }

    private static boolean unpackFolder(Content container, CabDirectory directory, CabFolder folder,
                                        List<CabFile> files, Entries entries) throws IOException {
        CabFolderStream stream = null;
        long position = 0;
        try {
            for (CabFile file : files) {
                if (file.size() == 0) {
                    if (!entries.add(file.name(), InputStream.nullInputStream())) {
                        return false;
                    }
                    continue;
                }
                if (stream == null || file.offset() < position) {
                    if (stream != null) {
                        stream.close();
                    }
                    stream = open(container, directory, folder);
                    position = 0;
                }
                stream.skipExactly(file.offset() - position, "CAB entry " + file.name());
                position = file.offset();
                ExactLengthInputStream data =
                        new ExactLengthInputStream(stream, file.size(), "CAB entry " + file.name());
                boolean more = entries.add(file.name(), data);
                position += data.consumed();
                if (!more) {
                    return false;
                }
            }
            return true;
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private static CabFolderStream open(Content container, CabDirectory directory, CabFolder folder)
            throws IOException {
        CabBlockDecoder decoder;
        switch (folder.method()) {
            case CabFolder.METHOD_NONE:
                decoder = new CabStoredDecoder(container);
                break;
            case CabFolder.METHOD_MSZIP:
                decoder = new CabMsZipDecoder(container);
                break;
            case CabFolder.METHOD_LZX:
                decoder = new CabLzxDecoder(container, folder, directory.dataReserve());
                break;
            default:
                throw new IOException("CAB compression method " + folder.methodName() + " is not supported");
        }
        return new CabFolderStream(new CabDataBlocks(container, folder, directory.dataReserve()), decoder);
    }

    private static IOException first(IOException earlier, IOException later) {
        return earlier != null ? earlier : later;
    }
}
