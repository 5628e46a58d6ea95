package com.postwarden.scan.internal.container.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The files archived in the tests, and how their contents are compared. */
final class Samples {
    static final String TEXT_NAME = "a.txt";
    static final String BINARY_NAME = "dir/b.bin";
    static final String NESTED_NAME = "nested.zip";
    static final String EMPTY_NAME = "empty.txt";
    static final byte[] TEXT = "Postwarden archive test line\n".repeat(50).getBytes(StandardCharsets.US_ASCII);
    static final byte[] BINARY = random(20_000, 42);
    static final Path CLAMAV = Path.of("/usr/share/clamav-testfiles");
    static final String CLAM_EXE_MD5 = "aa15bcf478d165efd2065190eb473bcb";

    private Samples() {
    }

    /**
     * Writes {@code a.txt}, {@code dir/b.bin}, {@code nested.zip} (a zip of {@code inner.txt} made by the zip
     * tool) and the empty {@code empty.txt} into {@code directory}; returns each name with its bytes, in that order.
     */
    static Map<String, byte[]> writePayload(Path directory) throws IOException {
        Files.write(directory.resolve(TEXT_NAME), TEXT);
        Files.createDirectories(directory.resolve("dir"));
        Files.write(directory.resolve(BINARY_NAME), BINARY);
        Path nestedSource = Files.createDirectories(directory.resolve("nested-source"));
        Files.writeString(nestedSource.resolve("inner.txt"), "inside the nested archive\n");
        Tools.run(nestedSource, "zip", "-q", "-X", "../" + NESTED_NAME, "inner.txt");
        Map<String, byte[]> payload = new LinkedHashMap<>();
        payload.put(TEXT_NAME, TEXT);
        payload.put(BINARY_NAME, BINARY);
        payload.put(NESTED_NAME, Files.readAllBytes(directory.resolve(NESTED_NAME)));
        Files.write(directory.resolve(EMPTY_NAME), new byte[0]);
        payload.put(EMPTY_NAME, new byte[0]);
        return payload;
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Entry contents as comparable text: length and SHA-256, so a failure shows which entries differ. */
    static Map<String, String> digests(Map<String, byte[]> entries) {
        Map<String, String> digests = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> digests.put(name, digest(bytes)));
        return digests;
    }

    static String digest(byte[] bytes) {
        return bytes.length + " bytes, sha256 " + hex("SHA-256", bytes);
    }

    static String md5(byte[] bytes) {
        return hex("MD5", bytes);
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
