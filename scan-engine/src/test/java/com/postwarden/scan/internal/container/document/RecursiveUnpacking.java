package com.postwarden.scan.internal.container.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.Unpackers;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Unpacks an object the way the engine does, without its limits: detect the type, open it with the standard
 * unpacker, recurse into every entry. Tests use it to check what a sample yields and at which nesting.
 */
public final class RecursiveUnpacking {
    public static final Path CLAMAV_TESTFILES = Path.of("/usr/share/clamav-testfiles");
    public static final String CLAM_EXE_MD5 = "aa15bcf478d165efd2065190eb473bcb";
    private static final int MAX_DEPTH = 8;

    /** One object found: the chain of types from the top object to it, its entry names, its bytes. */
    public record Found(List<FileType> types, List<String> names, byte[] bytes) {
        public String md5() {
            return md5Of(bytes);
        }

        public String chain() {
            return types.stream().map(Enum::name).collect(Collectors.joining(" > "));
        }
    }

    private RecursiveUnpacking() {
    }

    public static byte[] clamAvTestFile(String name) {
        try {
            return Files.readAllBytes(CLAMAV_TESTFILES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("ClamAV test file " + name + " missing: install clamav-testfiles", e);
        }
    }

    /** Every object inside {@code bytes}, depth first. */
    public static List<Found> unpackAll(byte[] bytes) throws IOException {
        List<Found> found = new ArrayList<>();
        walk(bytes, List.of(FileTypes.detect(Content.of(bytes))), List.of(), found, 0);
        return found;
    }

    /** The first object whose bytes are ClamAV's clam.exe. */
    public static Optional<Found> findClamExe(byte[] bytes) throws IOException {
        return unpackAll(bytes).stream().filter(f -> CLAM_EXE_MD5.equals(f.md5())).findFirst();
    }

    /** Asserts that {@code bytes} yields clam.exe with the given type chain (top object first). */
    public static void assertYieldsClamExe(byte[] bytes, String expectedChain) throws IOException {
        Optional<Found> clam = findClamExe(bytes);
        assertThat(clam).as("clam.exe inside, found " + unpackAll(bytes).stream()
                .map(f -> f.chain() + " " + f.names()).collect(Collectors.toList())).isPresent();
        assertThat(clam.get().chain()).isEqualTo(expectedChain);
    }

    private static void walk(byte[] bytes, List<FileType> types, List<String> names, List<Found> found, int depth)
            throws IOException {
        FileType type = types.get(types.size() - 1);
        Optional<Unpacker> unpacker = Unpackers.standard().forType(type);
        if (depth >= MAX_DEPTH || unpacker.isEmpty()) {
            return;
        }
        RecordingEntries entries = new RecordingEntries();
        unpacker.get().unpack(Content.of(bytes), entries);
        for (Map.Entry<String, byte[]> entry : entries.entries().entrySet()) {
            List<FileType> childTypes = new ArrayList<>(types);
            childTypes.add(FileTypes.detect(Content.of(entry.getValue())));
            List<String> childNames = new ArrayList<>(names);
            childNames.add(entry.getKey());
            found.add(new Found(List.copyOf(childTypes), List.copyOf(childNames), entry.getValue()));
            walk(entry.getValue(), childTypes, childNames, found, depth + 1);
        }
    }

    public static String md5Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
