package com.postwarden.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the small signature database the distribution ships, so a fresh gateway catches the EICAR test file
 * and ClamAV's test program without any download. The EICAR string is assembled from pieces here and never
 * stored literally, so the sources and the build tree do not themselves look infected to a scanner.
 */
public final class DemoDatabase {
    /** The name the EICAR signatures report, as in ClamAV's own database. */
    public static final String EICAR_NAME = "Eicar-Test-Signature";
    /** ClamAV's harmless test program {@code clam.exe} (Debian package clamav-testfiles). */
    public static final String CLAM_TEST_FILE_NAME = "ClamAV-Test-File";
    private static final String CLAM_EXE_MD5 = "aa15bcf478d165efd2065190eb473bcb";
    private static final String CLAM_EXE_SHA256 = "71e7b604d18aefd839e51a39c88df8383bb4c071dc31f87f00a2b5df580d4495";
    private static final int CLAM_EXE_SIZE = 544;

    private DemoDatabase() {
    }

    /** The 68 bytes of the EICAR anti-virus test file. */
    public static byte[] eicar() {
        String head = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        String middle = "EICAR-STANDARD-ANTIVIRUS-";
        String tail = "TEST-FILE!$H+H*";
        return (head + middle + tail).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code postwarden-demo.hdb}, {@code .hsb} and {@code .ndb} into {@code directory}, creating it. */
    public static void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        byte[] eicar = eicar();
        Files.write(directory.resolve("postwarden-demo.hdb"), List.of(
                md5(eicar) + ":" + eicar.length + ":" + EICAR_NAME,
                CLAM_EXE_MD5 + ":" + CLAM_EXE_SIZE + ":" + CLAM_TEST_FILE_NAME), StandardCharsets.US_ASCII);
        Files.write(directory.resolve("postwarden-demo.hsb"), List.of(
                CLAM_EXE_SHA256 + ":" + CLAM_EXE_SIZE + ":" + CLAM_TEST_FILE_NAME), StandardCharsets.US_ASCII);
        // offset 0, like ClamAV's own body signature: the test file is the whole object, not a quote in a text
        Files.write(directory.resolve("postwarden-demo.ndb"), List.of(
                EICAR_NAME + ":0:0:" + HexFormat.of().formatHex(eicar)), StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoDatabase DIRECTORY");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
