package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * Reads one database file or container into a {@link FileLoad}. The hash signatures of a file whose name, size
 * and modification time did not change since the previous load are taken over instead of parsed again. Never
 * throws for a bad file: an unreadable file or a container that fails its checks comes back refused.
 * Thread-safe: several files may be read at once, each read keeps its state local.
 */
final class DatabaseFileReader {
    private final CvdReader cvdReader;
    private final Map<SourceFile, HashTables> previous;

    /** @param previous unchanged source files to the hash tables loaded from them before (empty at first) */
    DatabaseFileReader(CvdReader cvdReader, Map<SourceFile, HashTables> previous) {
        this.cvdReader = cvdReader;
        this.previous = previous;
    }

    FileLoad read(DatabaseFile file) {
        return file.kind() == FileKind.CONTAINER ? container(file) : plainFile(file);
    }

    private FileLoad plainFile(DatabaseFile file) {
        String type = file.source().extension();
        try {
            if (file.kind() == FileKind.HASH) {
                return FileLoad.of(null, hashTables(file, type), 0, file.source().modified());
            }
            FileContents contents = new FileContents();
            try (InputStream in = Files.newInputStream(file.path())) {
                contents.entry(type, file.kind(), in);
            }
            return FileLoad.of(contents, null, 0, file.source().modified());
        } catch (IOException e) {
            return FileLoad.refused(type + ": cannot read file", e.getMessage());
        }
    }

    private HashTables hashTables(DatabaseFile file, String type) throws IOException {
        HashTables reused = previous.get(file.source());
        if (reused != null) {
            return reused;
        }
        HashFileParser parser = new HashFileParser();
        try (InputStream in = Files.newInputStream(file.path())) {
            parser.parse(in, type);
        }
        return parser.build();
    }

    private FileLoad container(DatabaseFile file) {
        String type = file.source().extension();
        HashTables reused = previous.get(file.source());
        FileContents contents = new FileContents();
        HashFileParser hashes = reused == null ? new HashFileParser() : null;
        try {
            CvdHeader header = cvdReader.read(file.path(), type.equals("cvd"), (name, size, in) -> {
                String entryType = SourceFile.extensionOf(name);
                FileKind kind = FileKind.of(entryType);
                if (kind == FileKind.HASH) {
                    if (hashes != null) {
                        hashes.parse(in, entryType);
                    }
                } else if (kind != FileKind.CONTAINER && kind != FileKind.OTHER) {
                    contents.entry(entryType, kind, in);
                }
            });
            long built = header.buildTimeSeconds() > 0 ? header.buildTimeSeconds() * 1000 : file.source().modified();
            return FileLoad.of(contents, reused != null ? reused : hashes.build(), header.version(), built);
        } catch (CvdReader.RefusedException e) {
            return FileLoad.refused(type + ": " + e.reason(), e.detail());
        } catch (IOException e) {
            return FileLoad.refused(type + ": cannot read file", e.getMessage());
        }
    }
}
