package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import com.postwarden.scan.internal.signature.CvdSignatureVerifier;
import com.postwarden.scan.internal.signature.DatabaseLoader;
import com.postwarden.scan.internal.signature.LoadedSignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a database directory from lines, loads and compiles it: the fixture of matcher tests. */
public final class TestDatabase {
    private final Map<String, String> files = new LinkedHashMap<>();

    public static TestDatabase with(String fileName, String... lines) {
        return new TestDatabase().and(fileName, lines);
    }

    public TestDatabase and(String fileName, String... lines) {
        files.merge(fileName, String.join("\n", lines) + "\n", String::concat);
        return this;
    }

    /** Writes the files into {@code directory}. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.ISO_8859_1);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LoadedSignatures load(Path directory) {
        try {
            return new DatabaseLoader(CvdSignatureVerifier.CLAMAV).load(writeTo(directory), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code .ndb} lines without touching the file system; a bad line throws. */
    public static Compiled ofNdb(String... lines) {
        java.util.List<com.postwarden.scan.internal.signature.BodySignature> body = new java.util.ArrayList<>();
        for (String line : lines) {
            try {
                body.add(com.postwarden.scan.internal.signature.NdbParser.parse(line));
            } catch (com.postwarden.scan.internal.signature.SignatureFormatException e) {
                throw new IllegalArgumentException(line + ": " + e.reason(), e);
            }
        }
        LoadedSignatures loaded = new LoadedSignatures(body, java.util.List.of(), Map.of(),
                com.postwarden.scan.internal.signature.IgnoreList.NONE, Map.of(), Map.of(), Map.of(), 0, 0,
                java.time.Instant.EPOCH, "");
        return new Compiled(loaded, MatcherCompiler.compile(loaded));
    }

    public Compiled compile(Path directory) {
        LoadedSignatures loaded = load(directory);
        MatcherCompiler.Result result = MatcherCompiler.compile(loaded);
        return new Compiled(loaded, result);
    }

    /** A compiled database and how loading went. */
    public record Compiled(LoadedSignatures loaded, MatcherCompiler.Result result) {
        public DatabaseMatcher matcher() {
            return result.matcher();
        }

        /** Matches bytes, with the type the engine would detect. */
        public MatchResult match(byte[] bytes) {
            Content content = Content.of(bytes);
            return result.matcher().match(content, FileTypes.detect(content));
        }

        public MatchResult match(byte[] bytes, FileType type) {
            return result.matcher().match(Content.of(bytes), type);
        }

        /** The detected signature's name, or null. */
        public String detected(byte[] bytes) {
            MatchResult result = match(bytes);
            return result instanceof MatchResult.Detected detected ? detected.signature() : null;
        }
    }
}
