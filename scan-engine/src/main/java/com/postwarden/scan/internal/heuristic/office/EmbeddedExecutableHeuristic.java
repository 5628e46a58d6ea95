package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.document.PackagedFile;
import com.postwarden.scan.internal.container.document.RtfUnpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;

/**
 * {@value #NAME}: a document carrying a program in an OLE package (Windows' Object Packager, the icon a reader is
 * asked to double-click): the packaged file's name is an executable or script ({@link #EXECUTABLE_NAME}), or its
 * content is a PE image. Looks at every {@code \1Ole10Native} stream of an OLE2 file (Word, Excel, an embedded
 * {@code oleObject*.bin}), at the {@code embeddings/*.bin} parts of an OOXML package (each read whole up to
 * {@link #MAX_EMBEDDING_BYTES}), and at the objects of an RTF document as {@link RtfUnpacker} extracts them.
 * PowerPoint 97 keeps its objects compressed in records; the engine extracts those as compound files of their own,
 * and this heuristic examines them there.
 */
public final class EmbeddedExecutableHeuristic extends OneDetection {
    public static final String NAME = "Heuristic.Office.EmbeddedExecutable";
    /** Default level: names Windows runs (or opens in a script host) on a double-click. */
    static final Pattern EXECUTABLE_NAME = Pattern.compile(".*\\.(exe|scr|com|pif|cpl|dll|msi|js|jse|vbs|vbe|wsf|wsh"
            + "|hta|bat|cmd|ps1|psm1|lnk|jar|reg|inf|scf|url|iso|img|vhd)", Pattern.CASE_INSENSITIVE);
    /** Largest embedded object read from an OOXML package or RTF document. */
    static final int MAX_EMBEDDING_BYTES = 16 << 20;
    /** Embedded objects looked at per document. */
    static final int MAX_EMBEDDINGS = 64;
    /** Bytes of packaged content sniffed for a PE header. */
    static final int SNIFF_BYTES = 4096;
    private static final Pattern EMBEDDING = Pattern.compile("[^/]+/embeddings/[^/]+\\.bin");
    private static final String OLE10_NATIVE = "\u0001Ole10Native";

    /** A program packaged inside a document is a lure to double-click it. */
    public EmbeddedExecutableHeuristic() {
        super(NAME, Level.MALICIOUS);
    }

    @Override
    boolean foundIn(ScannedObject object) {
        return switch (object.type()) {
            case OLE2 -> inCompoundFile(object.content());
            case ZIP -> inPackage(object.content());
            case RTF -> inRtf(object.content());
            default -> false;
        };
    }

    private static boolean inCompoundFile(Content content) {
        Optional<CompoundFile> opened = CompoundFile.open(content);
        if (opened.isEmpty()) {
            return false;
        }
        try (CompoundFile file = opened.get()) {
            int packages = 0;
            for (DirectoryNode storage : file.storages()) {
                Optional<DocumentEntry> stream = CompoundFile.stream(storage, OLE10_NATIVE);
                if (stream.isPresent() && packages++ < MAX_EMBEDDINGS && packagesExecutable(stream.get())) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // damage after the storages read so far
        }
        return false;
    }

    private static boolean packagesExecutable(DocumentEntry stream) {
        try (InputStream in = CompoundFile.open(stream)) {
            PackagedFile.readU32(in);
            Optional<PackagedFile.Header> header = PackagedFile.read(in, stream.getSize() - 4L);
            return header.isPresent() && isExecutable(header.get().name(), in);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean inPackage(Content content) {
        Optional<OoxmlPackage> opened = OoxmlPackage.open(content);
        if (opened.isEmpty()) {
            return false;
        }
        try (OoxmlPackage ooxml = opened.get()) {
            int read = 0;
            for (String name : ooxml.names()) {
                if (EMBEDDING.matcher(name).matches() && read++ < MAX_EMBEDDINGS) {
                    Optional<byte[]> object = ooxml.read(name, MAX_EMBEDDING_BYTES);
                    if (object.isPresent() && inCompoundFile(Content.of(object.get()))) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged package: nothing more to find
        }
        return false;
    }

    private static boolean inRtf(Content content) {
        Finder finder = new Finder();
        try {
            new RtfUnpacker().unpack(content, finder);
        } catch (IOException | RuntimeException e) {
            // damage after the objects read so far
        }
        return finder.found;
    }

    /** Whether a packaged file named {@code name}, whose data {@code data} starts, is a program. */
    static boolean isExecutable(String name, InputStream data) throws IOException {
        return EXECUTABLE_NAME.matcher(name.strip()).matches() || isPe(data.readNBytes(SNIFF_BYTES));
    }

    /** An MZ header whose {@code e_lfanew} points at a {@code PE\0\0} signature within the sniffed bytes. */
    static boolean isPe(byte[] head) {
        if (head.length < 0x40 || head[0] != 'M' || head[1] != 'Z') {
            return false;
        }
        long peAt = (head[0x3c] & 0xffL) | (head[0x3d] & 0xffL) << 8 | (head[0x3e] & 0xffL) << 16
                | (head[0x3f] & 0xffL) << 24;
        return peAt + 4 <= head.length && head[(int) peAt] == 'P' && head[(int) peAt + 1] == 'E'
                && head[(int) peAt + 2] == 0 && head[(int) peAt + 3] == 0;
    }

    /** Receives the objects of an RTF document and stops at the first program among them. */
    private static final class Finder implements Entries {
        private boolean found;
        private int seen;

        @Override
        public boolean add(String name, InputStream data) throws IOException {
            byte[] head = data.readNBytes(SNIFF_BYTES);
            if (EXECUTABLE_NAME.matcher(name.strip()).matches() || isPe(head)) {
                found = true;
            } else if (isCompoundFile(head)) {
                byte[] rest = data.readNBytes(MAX_EMBEDDING_BYTES - head.length);
                byte[] object = new byte[head.length + rest.length];
                System.arraycopy(head, 0, object, 0, head.length);
                System.arraycopy(rest, 0, object, head.length, rest.length);
                found = inCompoundFile(Content.of(object));
            }
            return !found && ++seen < MAX_EMBEDDINGS;
        }

        @Override
        public boolean encrypted(String name, String format) {
            return true;
        }

        @Override
        public int remainingEntries() {
            return MAX_EMBEDDINGS - seen;
        }

        private static boolean isCompoundFile(byte[] head) {
            return head.length >= 8 && (head[0] & 0xff) == 0xd0 && (head[1] & 0xff) == 0xcf
                    && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xe0;
        }
    }
}
