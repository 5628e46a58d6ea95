package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
    private final CvdReader cvdReader;

    public DatabaseLoader(CvdSignatureVerifier verifier) {
        this.cvdReader = new CvdReader(verifier);
    }

    /**
     * Loads {@code directory} file after file on the calling thread; {@code previous} maps unchanged source files
     * to the hash tables loaded from them before (empty for a first load).
     */
    public LoadedSignatures load(Path directory, Map<SourceFile, HashTables> previous) throws IOException {
        return load(directory, previous, Runnable::run);
    }

    /**
     * Loads {@code directory}, reading its files side by side on {@code executor}: the result is the same as a
     * load file after file. Waits for every file.
     */
    public LoadedSignatures load(Path directory, Map<SourceFile, HashTables> previous, Executor executor)
            throws IOException {
        return start(directory, previous, executor).finish();
    }

    /**
     * Lists {@code directory} and hands every file to {@code executor} to read, the largest first, so that no big
     * file starts last; the returned load merges them.
     */
    public PendingLoad start(Path directory, Map<SourceFile, HashTables> previous, Executor executor)
            throws IOException {
        List<DatabaseFile> files = list(directory);
        List<DatabaseFile> order = loadOrder(files);
        DatabaseFileReader reader = new DatabaseFileReader(cvdReader, previous);
        List<CompletableFuture<FileLoad>> reads = new ArrayList<>(Collections.nCopies(order.size(), null));
        List<Integer> largestFirst = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            largestFirst.add(i);
        }
        largestFirst.sort(Comparator.comparingLong((Integer i) -> -order.get(i).source().size()));
        for (int i : largestFirst) {
            DatabaseFile file = order.get(i);
            reads.set(i, CompletableFuture.supplyAsync(() -> reader.read(file), executor));
        }
        return new PendingLoad(directory.toString(), order, reads, fingerprint(files));
    }

    /** Ignore files first, then containers ({@link #containersInOrder}), then the other files by name. */
    private static List<DatabaseFile> loadOrder(List<DatabaseFile> files) {
        List<DatabaseFile> order = new ArrayList<>(files.size());
        for (DatabaseFile file : files) {
            if (file.kind() == FileKind.IGNORE) {
                order.add(file);
            }
        }
        order.addAll(containersInOrder(files));
        for (DatabaseFile file : files) {
            if (file.kind() != FileKind.IGNORE && file.kind() != FileKind.CONTAINER) {
                order.add(file);
            }
        }
        return order;
    }

    /** The fingerprint of a directory's database files, cheap enough for a watcher to poll. */
    public static String fingerprint(Path directory) throws IOException {
        return fingerprint(list(directory));
    }

    private static String fingerprint(List<DatabaseFile> files) {
        MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
        for (DatabaseFile file : files) {
            SourceFile source = file.source();
            sha256.update((source.name() + '\t' + source.size() + '\t' + source.modified() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static List<DatabaseFile> list(Path directory) throws IOException {
        List<DatabaseFile> files = new ArrayList<>();
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
                    files.add(new DatabaseFile(path, SourceFile.of(path, attributes), kind));
                }
            }
        }
        files.sort(Comparator.comparing(file -> file.source().name()));
        return files;
    }

    /** Containers to load: one of each cvd/cld pair, {@code daily} first. */
    private static List<DatabaseFile> containersInOrder(List<DatabaseFile> files) {
        Map<String, DatabaseFile> byBase = new TreeMap<>();
        for (DatabaseFile file : files) {
            if (file.kind() != FileKind.CONTAINER) {
                continue;
            }
            String name = file.source().name();
            String base = name.substring(0, name.lastIndexOf('.'));
            DatabaseFile other = byBase.get(base);
            byBase.put(base, other == null ? file : newer(other, file));
        }
        List<DatabaseFile> ordered = new ArrayList<>(byBase.values());
        ordered.sort(Comparator.comparing((DatabaseFile file) -> !file.source().name().startsWith("daily."))
                .thenComparing(file -> file.source().name()));
        return ordered;
    }

    private static DatabaseFile newer(DatabaseFile a, DatabaseFile b) {
        long versionA = versionOf(a);
        long versionB = versionOf(b);
        if (versionA != versionB) {
            return versionA > versionB ? a : b;
        }
        return a.source().extension().equals("cld") ? a : b;
    }

    private static long versionOf(DatabaseFile file) {
        try {
            return CvdReader.header(file.path()).version();
        } catch (IOException | CvdReader.RefusedException e) {
            return -1;
        }
    }
}
