package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.LimitedInputStream;
import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RLEDecompressingInputStream;

/**
 * Opens OLE2 compound files (Office 97-2003 documents, MSI packages, embedded OLE objects) with POI's POIFS and
 * hands over every stream of every storage, named by its path ({@code WordDocument}, {@code Macros/VBA/Module1};
 * the control characters some names start with are dropped, {@code \1CompObj} becomes {@code CompObj}). Besides:
 * <ul>
 *   <li>an {@code \1Ole10Native} stream is unwrapped to the file it packages, named by its original name;
 *   <li>each module of a VBA project is decompressed (MS-OVBA 2.4.1) and handed over as source text,
 *       {@code Macros/VBA/Module1.vba};
 *   <li>PowerPoint's embedded objects ({@code ExOleObjStg} records) are inflated and handed over as compound
 *       files of their own, {@code PowerPoint Document/ExOleObjStg-1};
 *   <li>encrypted documents (an {@code EncryptedPackage}, a Word document whose FIB says encrypted, an Excel
 *       workbook with a {@code FILEPASS} record, a PowerPoint {@code EncryptedSummary}) are reported with
 *       {@link Entries#encrypted} as {@code "Office"} instead of handing over the unreadable stream.
 * </ul>
 * Plain streams go first, then the decoded extras, so damage in a VBA project or a PowerPoint record (an
 * {@link IOException}) comes after everything readable was scanned. POI reads blocks on demand through a
 * {@link ContentFileChannel}; its unchecked exceptions on damaged files become {@link IOException}s.
 */
public final class Ole2Unpacker implements Unpacker {
    /** Storages nested deeper than this are damage (or an attack on the recursion), not a document. */
    static final int MAX_STORAGE_DEPTH = 32;
    private static final String OFFICE = "Office";

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(new ContentFileChannel(container), true, true);
        } catch (RuntimeException e) {
            throw new IOException("damaged OLE2 compound file: " + e, e);
        }
        try (fs) {
            List<DirectoryNode> storages = new ArrayList<>();
            if (!streams(fs.getRoot(), "", 0, storages, entries)) {
                return;
            }
            for (DirectoryNode storage : storages) {
                if (!extras(storage, pathOf(storage), entries)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("damaged OLE2 compound file: " + e, e);
        }
    }

    /** Hands over the plain streams below {@code dir}, collecting every storage for the second pass. */
    private static boolean streams(DirectoryNode dir, String prefix, int depth, List<DirectoryNode> storages,
                                   Entries entries) throws IOException {
        if (depth > MAX_STORAGE_DEPTH) {
            throw new IOException("OLE2 storages nested deeper than " + MAX_STORAGE_DEPTH);
        }
        storages.add(dir);
        for (Iterator<Entry> it = dir.getEntries(); it.hasNext(); ) {
            Entry entry = it.next();
            String path = prefix + clean(entry.getName());
            boolean goOn;
            if (entry instanceof DirectoryNode) {
                goOn = streams((DirectoryNode) entry, path + "/", depth + 1, storages, entries);
            } else if (entry instanceof DocumentEntry) {
                goOn = stream(dir, (DocumentEntry) entry, prefix, path, entries);
            } else {
                goOn = true;
            }
            if (!goOn) {
                return false;
            }
        }
        return true;
    }

    private static boolean stream(DirectoryNode dir, DocumentEntry document, String prefix, String path,
                                  Entries entries) throws IOException {
        String name = document.getName();
        if (OfficeEncryption.isEncrypted(dir, document)) {
            return entries.encrypted(path, OFFICE);
        }
        if ("\u0001Ole10Native".equals(name)) {
            try (InputStream in = open(document, path)) {
                Optional<PackagedFile.Header> header = packageHeader(in, document.getSize());
                if (header.isPresent()) {
                    return entries.add(prefix + header.get().name(),
                            new LimitedInputStream(in, header.get().dataSize()));
                }
            }
        }
        try (InputStream in = open(document, path)) {
            return entries.add(path, in);
        }
    }

    private static Optional<PackagedFile.Header> packageHeader(InputStream in, long size) throws IOException {
        try {
            PackagedFile.readU32(in);
            return PackagedFile.read(in, size - 4L);
        } catch (EOFException e) {
            return Optional.empty(); // too short for a package header: handed over as it is
        }
    }

    /** VBA modules and PowerPoint objects of one storage. */
    private static boolean extras(DirectoryNode dir, String prefix, Entries entries) throws IOException {
        if (dir.hasEntryCaseInsensitive("dir") && dir.hasEntryCaseInsensitive("_VBA_PROJECT")
                && !vbaModules(dir, prefix, entries)) {
            return false;
        }
        if (dir.hasEntry("PowerPoint Document") && !dir.hasEntry("EncryptedSummary")) {
            DocumentEntry document = (DocumentEntry) dir.getEntry("PowerPoint Document");
            try (InputStream in = open(document, prefix + "PowerPoint Document")) {
                return PowerPointObjects.extract(in, prefix + "PowerPoint Document/", entries);
            }
        }
        return true;
    }

    private static boolean vbaModules(DirectoryNode vba, String prefix, Entries entries) throws IOException {
        List<VbaDirectory.Module> modules;
        Entry dirEntry = vba.getEntryCaseInsensitive("dir");
        if (!(dirEntry instanceof DocumentEntry)) {
            return true;
        }
        try (InputStream dir = decompressed(open((DocumentEntry) dirEntry, prefix + "dir"), prefix + "dir")) {
            modules = VbaDirectory.read(dir);
        }
        for (VbaDirectory.Module module : modules) {
            if (!vba.hasEntryCaseInsensitive(module.streamName())) {
                continue; // a module listed without its stream: nothing to read
            }
            Entry entry = vba.getEntryCaseInsensitive(module.streamName());
            if (!(entry instanceof DocumentEntry) || module.offset() > ((DocumentEntry) entry).getSize()) {
                throw new IOException("VBA module " + module.name() + " starts past the end of its stream");
            }
            String name = prefix + clean(module.name()) + ".vba";
            try (InputStream in = open((DocumentEntry) entry, name)) {
                in.skipNBytes(module.offset());
                if (!entries.add(name, decompressed(in, name))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static InputStream open(DocumentEntry document, String path) throws IOException {
        try {
            return new GuardedInputStream(new DocumentInputStream(document), "OLE2 stream " + path);
        } catch (RuntimeException e) {
            throw new IOException("damaged OLE2 stream " + path + ": " + e, e);
        }
    }

    private static InputStream decompressed(InputStream compressed, String what) throws IOException {
        try {
            return new GuardedInputStream(new RLEDecompressingInputStream(compressed), "VBA compression in " + what);
        } catch (RuntimeException e) {
            throw new IOException("damaged VBA compression in " + what + ": " + e.getMessage(), e);
        }
    }

    private static String pathOf(DirectoryNode dir) {
        StringBuilder path = new StringBuilder();
        for (DirectoryNode node = dir; node.getParent() != null; node = (DirectoryNode) node.getParent()) {
            path.insert(0, clean(node.getName()) + "/");
        }
        return path.toString();
    }

    /** A storage or stream name without the control characters OLE2 uses to mark special streams. */
    static String clean(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}
