package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a database directory: any mix of hash, body, logical, allow-list and ignore files and {@code .cvd},
 * {@code .cld} and {@code .cud} containers (files of other types are left alone). A bad line never stops loading: it is
 * counted under its reason and logged once per reason. A container that fails its checks is refused whole
 * and the rest still loads.
 *
 * <p>Order follows libclamav where it matters: ignore files first, then containers ({@code daily} before the
 * others; of a {@code .cvd} and {@code .cld} with one name, the newer version, the {@code .cld} on a tie), then
 * plain files by name. The hash signatures of a file whose name, size and modification time did not change
 * since the previous load are taken over instead of parsed again. Thread-safe: each load keeps its state local.
 */
public final class DatabaseLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoader.class);

    private final CvdReader cvdReader;

    public DatabaseLoader(CvdSignatureVerifier verifier) {
        this.cvdReader = new CvdReader(verifier);
    }

    /**
     * Loads {@code directory}; {@code previous} maps unchanged source files to the hash tables loaded from them
     * before (empty for a first load).
     */
    public LoadedSignatures load(Path directory, Map<SourceFile, HashTables> previous) throws IOException {
        List<Listed> files = list(directory);
        Load load = new Load(previous);
        for (Listed file : files) {
            if (file.kind == FileKind.IGNORE) {
                load.plainFile(file);
            }
        }
        for (Listed file : containersInOrder(files)) {
            load.container(file);
        }
        for (Listed file : files) {
            if (file.kind != FileKind.IGNORE && file.kind != FileKind.CONTAINER) {
                load.plainFile(file);
            }
        }
        LoadedSignatures loaded = load.finish(fingerprint(files));
        load.skipped.log(LOG, directory.toString());
        loaded.refused().forEach((name, reason) ->
                LOG.warn("Signature database {}: refused {}: {}", directory, name, reason));
        return loaded;
    }

    /** The fingerprint of a directory's database files, cheap enough for a watcher to poll. */
    public static String fingerprint(Path directory) throws IOException {
        return fingerprint(list(directory));
    }

    private static String fingerprint(List<Listed> files) {
        MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
        for (Listed file : files) {
            SourceFile source = file.source;
            sha256.update((source.name() + '\t' + source.size() + '\t' + source.modified() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static List<Listed> list(Path directory) throws IOException {
        List<Listed> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path path : entries) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // replaced while listing; the next fingerprint sees the new file
                }
                FileKind kind = FileKind.of(SourceFile.extensionOf(path.getFileName().toString()));
                if (attributes.isRegularFile() && kind.isDatabase()) {
                    files.add(new Listed(path, SourceFile.of(path, attributes), kind));
                }
            }
        }
        files.sort(Comparator.comparing(file -> file.source.name()));
        return files;
    }

    /** Containers to load: one of each cvd/cld pair, {@code daily} first. */
    private static List<Listed> containersInOrder(List<Listed> files) {
        Map<String, Listed> byBase = new TreeMap<>();
        for (Listed file : files) {
            if (file.kind != FileKind.CONTAINER) {
                continue;
            }
            String name = file.source.name();
            String base = name.substring(0, name.lastIndexOf('.'));
            Listed other = byBase.get(base);
            byBase.put(base, other == null ? file : newer(other, file));
        }
        List<Listed> ordered = new ArrayList<>(byBase.values());
        ordered.sort(Comparator.comparing((Listed file) -> !file.source.name().startsWith("daily."))
                .thenComparing(file -> file.source.name()));
        return ordered;
    }

    private static Listed newer(Listed a, Listed b) {
        long versionA = versionOf(a);
        long versionB = versionOf(b);
        if (versionA != versionB) {
            return versionA > versionB ? a : b;
        }
        return a.source.extension().equals("cld") ? a : b;
    }

    private static long versionOf(Listed file) {
        try {
            return CvdReader.header(file.path).version();
        } catch (IOException | CvdReader.RefusedException e) {
            return -1;
        }
    }

    private record Listed(Path path, SourceFile source, FileKind kind) {
    }

    /** The state of one load. */
    private final class Load {
        private final Map<SourceFile, HashTables> previous;
        private final List<BodySignature> body = new ArrayList<>();
        private final List<LogicalSignature> logical = new ArrayList<>();
        private final Map<SourceFile, HashTables> hashTables = new LinkedHashMap<>();
        private final IgnoreList.Builder ignore = IgnoreList.builder();
        private final Map<String, Long> loaded = new TreeMap<>();
        private final SkipReasons skipped = new SkipReasons();
        private final Map<String, String> refused = new TreeMap<>();
        private long version;
        private long newestMillis;

        Load(Map<SourceFile, HashTables> previous) {
            this.previous = previous;
        }

        void plainFile(Listed file) {
            String type = file.source.extension();
            try {
                if (file.kind == FileKind.HASH) {
                    HashTables tables = previous.get(file.source);
                    if (tables == null) {
                        HashFileParser parser = new HashFileParser();
                        try (InputStream in = Files.newInputStream(file.path)) {
                            parser.parse(in, type, file.source.size());
                        }
                        tables = parser.build();
                    }
                    addHashTables(file.source, tables);
                } else {
                    try (InputStream in = Files.newInputStream(file.path)) {
                        Contents contents = new Contents();
                        contents.entry(type, file.kind, in);
                        merge(contents);
                    }
                }
                newestMillis = Math.max(newestMillis, file.source.modified());
            } catch (IOException e) {
                refuse(file.source.name(), type + ": cannot read file", e.getMessage());
            }
        }

        void container(Listed file) {
            String type = file.source.extension();
            HashTables reused = previous.get(file.source);
            Contents contents = new Contents();
            HashFileParser hashes = reused == null ? new HashFileParser() : null;
            try {
                CvdHeader header = cvdReader.read(file.path, type.equals("cvd"), (name, size, in) -> {
                    String entryType = SourceFile.extensionOf(name);
                    FileKind kind = FileKind.of(entryType);
                    if (kind == FileKind.HASH) {
                        if (hashes != null) {
                            hashes.parse(in, entryType, size);
                        }
                    } else if (kind != FileKind.CONTAINER && kind != FileKind.OTHER) {
                        contents.entry(entryType, kind, in);
                    }
                });
                merge(contents);
                addHashTables(file.source, reused != null ? reused : hashes.build());
                version = Math.max(version, header.version());
                long built = header.buildTimeSeconds() > 0 ? header.buildTimeSeconds() * 1000 : file.source.modified();
                newestMillis = Math.max(newestMillis, built);
            } catch (CvdReader.RefusedException e) {
                refuse(file.source.name(), type + ": " + e.reason(), e.detail());
            } catch (IOException e) {
                refuse(file.source.name(), type + ": cannot read file", e.getMessage());
            }
        }

        /** Refuses a whole file: named with the details in {@code refused}, counted by the fixed reason. */
        private void refuse(String name, String reason, String detail) {
            refused.put(name, detail == null ? reason : reason + " (" + detail + ")");
            skipped.add(reason);
        }

        private void addHashTables(SourceFile source, HashTables tables) {
            hashTables.put(source, tables);
            tables.loaded().forEach((type, count) -> loaded.merge(type, count, Long::sum));
            skipped.addAll(tables.skipped());
        }

        private void merge(Contents contents) {
            body.addAll(contents.body);
            logical.addAll(contents.logical);
            contents.ignoreLines.forEach(ignore::add);
            contents.loaded.forEach((type, count) -> loaded.merge(type, count, Long::sum));
            skipped.addAll(contents.skipped.snapshot());
        }

        LoadedSignatures finish(String fingerprint) {
            IgnoreList ignoreList = ignore.freeze();
            long before = body.size() + logical.size();
            if (!ignoreList.isEmpty()) {
                body.removeIf(signature -> ignoreList.ignores(signature.name(), signature::line));
                logical.removeIf(signature -> ignoreList.ignores(signature.name(), signature::line));
            }
            long ignoredCount = before - body.size() - logical.size();
            return new LoadedSignatures(body, logical, hashTables, ignoreList, loaded, skipped.snapshot(), refused,
                    ignoredCount, version, Instant.ofEpochMilli(newestMillis), fingerprint);
        }
    }

    /**
     * What one file or one container's text entries held, kept apart until the container passed its checks.
     */
    private static final class Contents {
        private final List<BodySignature> body = new ArrayList<>();
        private final List<LogicalSignature> logical = new ArrayList<>();
        private final List<String> ignoreLines = new ArrayList<>();
        private final Map<String, Long> loaded = new HashMap<>();
        private final SkipReasons skipped = new SkipReasons();

        void entry(String type, FileKind kind, InputStream in) throws IOException {
            if (kind == FileKind.UNSUPPORTED && (type.equals("cbc") || type.startsWith("yar"))) {
                skipped.add(type + ": signature type unsupported");
                return;
            }
            LineReader lines = new LineReader(in);
            long count = 0;
            while (lines.next()) {
                if (lines.tooLong()) {
                    skipped.add(type + ": line too long");
                    continue;
                }
                if (lines.isBlank() || lines.isComment()) {
                    continue;
                }
                String problem = line(type, kind, lines.text());
                if (problem == null) {
                    count++;
                } else {
                    skipped.add(type + ": " + problem);
                }
            }
            if (count > 0) {
                loaded.merge(type, count, Long::sum);
            }
        }

        private String line(String type, FileKind kind, String text) {
            try {
                switch (kind) {
                    case BODY -> body.add(NdbParser.parse(text));
                    case LOGICAL -> logical.add(LdbParser.parse(text));
                    case IGNORE -> {
                        IgnoreList.Builder check = IgnoreList.builder();
                        String problem = check.add(text);
                        if (problem != null) {
                            return problem;
                        }
                        ignoreLines.add(text);
                    }
                    default -> {
                        return "signature type unsupported";
                    }
                }
                return null;
            } catch (SignatureFormatException e) {
                return e.reason();
            } catch (RuntimeException | StackOverflowError e) {
                // a parser defect must not stop the load; the count makes it visible
                return "line the parser could not handle";
            }
        }
    }
}
