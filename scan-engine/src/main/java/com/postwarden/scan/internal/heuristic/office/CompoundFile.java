package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.internal.container.document.ContentFileChannel;
import com.postwarden.scan.internal.content.Content;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An OLE2 compound file opened read-only with POI's POIFS, which reads blocks on demand through a
 * {@link ContentFileChannel}, so nothing is allocated from the header's claims. Not thread-safe; one per examination.
 */
final class CompoundFile implements Closeable {
    /** Storages nested deeper than this are not walked: real documents nest three or four levels. */
    static final int MAX_STORAGE_DEPTH = 16;
    /** At most this many storages are visited, whatever the file claims. */
    static final int MAX_STORAGES = 2048;

    private final POIFSFileSystem fs;

    private CompoundFile(POIFSFileSystem fs) {
        this.fs = fs;
    }

    /** The compound file in {@code content}; empty when it is none or its header is damaged. */
    static Optional<CompoundFile> open(Content content) {
        try {
            return Optional.of(new CompoundFile(new POIFSFileSystem(new ContentFileChannel(content), true, true)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    DirectoryNode root() {
        return fs.getRoot();
    }

    /** The root and every storage below it, breadth first, within {@link #MAX_STORAGE_DEPTH}/{@link #MAX_STORAGES}. */
    List<DirectoryNode> storages() {
        List<DirectoryNode> storages = new ArrayList<>();
        Deque<DirectoryNode> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        pending.add(fs.getRoot());
        depths.add(0);
        while (!pending.isEmpty() && storages.size() < MAX_STORAGES) {
            DirectoryNode dir = pending.poll();
            int depth = depths.poll();
            storages.add(dir);
            if (depth == MAX_STORAGE_DEPTH) {
                continue;
            }
            for (Iterator<Entry> it = dir.getEntries(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry instanceof DirectoryNode) {
                    pending.add((DirectoryNode) entry);
                    depths.add(depth + 1);
                }
            }
        }
        return storages;
    }

    /** The stream {@code name} of {@code dir} (case-insensitive), if it exists and is a stream. */
    static Optional<DocumentEntry> stream(DirectoryNode dir, String name) {
        if (!dir.hasEntryCaseInsensitive(name)) {
            return Optional.empty();
        }
        try {
            Entry entry = dir.getEntryCaseInsensitive(name);
            return entry instanceof DocumentEntry ? Optional.of((DocumentEntry) entry) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A test over the bytes of one stream. */
    interface StreamTest {
        boolean test(InputStream stream) throws IOException;
    }

    /**
     * Whether the root stream {@code name} of the compound file in {@code content} passes {@code test}; false when
     * the content is no compound file, has no such stream, or reading it fails.
     */
    static boolean rootStreamPasses(Content content, String name, StreamTest test) {
        Optional<CompoundFile> opened = open(content);
        if (opened.isEmpty()) {
            return false;
        }
        try (CompoundFile file = opened.get()) {
            Optional<DocumentEntry> document = stream(file.root(), name);
            if (document.isEmpty()) {
                return false;
            }
            try (InputStream in = open(document.get())) {
                return test.test(in);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static InputStream open(DocumentEntry document) throws IOException {
        return new DocumentInputStream(document);
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
