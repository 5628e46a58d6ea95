package com.postwarden.scan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes the benchmark databases the way the shared harness's {@code make-sigs.py synth} does (same kinds and
 * proportions, its own random stream): body signatures of 16 to 40 random bytes, 55% plain, 20% with one to
 * three {@code ??}, 10% with one or two nibble wildcards, 8% split by a {@code {n-m}} gap, 7% by {@code *}; and
 * MD5 hash signatures with log-uniform sizes from 64 B to 16 MiB. {@code small} is five signatures of the oracle
 * database's kinds (MD5, SHA-256, two body signatures, one logical signature).
 */
final class SyntheticDatabase {

    private SyntheticDatabase() {
    }

    /** Writes database {@code name} ({@code small}, {@code ndb100k}, {@code ndb100k_hdb1m}) into a new directory. */
    static Path write(String name) throws IOException {
        Path directory = Files.createTempDirectory("postwarden-bench-" + name + "-");
        switch (name) {
            case "small" -> small(directory);
            case "ndb100k" -> body(directory.resolve("synth.ndb"), 100_000);
            case "ndb100k_hdb1m" -> {
                body(directory.resolve("synth.ndb"), 100_000);
                hashes(directory.resolve("synth.hdb"), 1_000_000);
            }
            default -> throw new IllegalArgumentException("unknown database " + name);
        }
        return directory;
    }

    static void delete(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    private static void small(Path directory) throws IOException {
        Random random = new Random(5);
        HexFormat hex = HexFormat.of();
        Files.writeString(directory.resolve("small.hdb"), hex.formatHex(bytes(random, 16)) + ":544:Bench.Small.Hdb\n");
        Files.writeString(directory.resolve("small.hsb"), hex.formatHex(bytes(random, 32)) + ":544:Bench.Small.Hsb\n");
        Files.writeString(directory.resolve("small.ndb"), "Bench.Small.Ndb:0:*:" + hex.formatHex(bytes(random, 64))
                + "\nBench.Small.Eicar:0:*:" + hex.formatHex(bytes(random, 68)) + "\n");
        Files.writeString(directory.resolve("small.ldb"), "Bench.Small.Ldb;Engine:51-255,Target:1;0&1;"
                + hex.formatHex(bytes(random, 14)) + ";" + hex.formatHex(bytes(random, 16)) + "\n");
    }

    private static void body(Path file, int count) throws IOException {
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                out.write(String.format("Postwarden.Synth.Ndb-%07d:0:*:%s%n", i, bodySignature(random)));
            }
        }
    }

    private static String bodySignature(Random random) {
        int length = 16 + random.nextInt(25);
        double kind = random.nextDouble();
        if (kind < 0.55) {
            return HexFormat.of().formatHex(bytes(random, length));
        }
        if (kind < 0.85) {
            String[] raw = new String[length];
            for (int i = 0; i < length; i++) {
                raw[i] = HexFormat.of().toHexDigits((byte) random.nextInt(256));
            }
            int wildcards = kind < 0.75 ? 1 + random.nextInt(3) : 1 + random.nextInt(2);
            for (int w = 0; w < wildcards; w++) {
                int at = 6 + random.nextInt(length - 8);
                raw[at] = kind < 0.75 ? "??" : random.nextBoolean() ? raw[at].charAt(0) + "?" : "?" + raw[at].charAt(1);
            }
            return String.join("", raw);
        }
        int split = 6 + random.nextInt(length - 11);
        String head = HexFormat.of().formatHex(bytes(random, split));
        String tail = HexFormat.of().formatHex(bytes(random, length - split));
        if (kind < 0.93) {
            int n = random.nextInt(9);
            return head + "{" + n + "-" + (n + 1 + random.nextInt(32)) + "}" + tail;
        }
        return head + "*" + tail;
    }

    private static void hashes(Path file, int count) throws IOException {
        Random random = new Random(2);
        double low = Math.log(64);
        double high = Math.log(16 * 1024 * 1024);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                long size = (long) Math.exp(low + random.nextDouble() * (high - low));
                out.write(HexFormat.of().formatHex(bytes(random, 16)) + ":" + size
                        + String.format(":Postwarden.Synth.Hdb-%07d%n", i));
            }
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
