package com.postwarden.scan.internal.container.cabinet;

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

/** Reproducible files to pack with the real tools, by path relative to the directory they are written to. */
final class SampleFiles {
    /** MD5 of ClamAV's harmless test program clam.exe (544 bytes). */
    static final String CLAM_EXE_MD5 = "aa15bcf478d165efd2065190eb473bcb";

    private SampleFiles() {
    }

    /** Text, random bytes over several 32 KB frames, a long repetitive text, an empty file and clam.exe. */
    static Map<String, byte[]> large() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("readme.txt", "Quarterly report attached.\r\n".getBytes(StandardCharsets.US_ASCII));
        files.put("clam.exe", clamExe());
        files.put("data/random.bin", random(100_000, 1));
        files.put("data/repeated.txt", repeated(220_000));
        files.put("empty.txt", new byte[0]);
        return files;
    }

    /** Files that fit one 64 KB LZX reset interval of a CHM, so its stream can also make a cabinet folder. */
    static Map<String, byte[]> small() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("readme.txt", "Quarterly report attached.\r\n".getBytes(StandardCharsets.US_ASCII));
        files.put("clam.exe", clamExe());
        files.put("random.bin", random(9_000, 2));
        files.put("repeated.txt", repeated(38_000));
        return files;
    }

    static void write(Path directory, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] clamExe() {
        try {
            return Files.readAllBytes(Tools.clamavTestFile("clam.exe"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] repeated(int size) {
        StringBuilder text = new StringBuilder(size + 64);
        for (int line = 0; text.length() < size; line++) {
            text.append("line ").append(line % 977).append(": all work and no play makes a dull scanner\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
