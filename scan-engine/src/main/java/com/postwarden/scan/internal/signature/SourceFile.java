package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;

/**
 * A database file as the directory listing shows it: what a reload compares to tell whether the file changed.
 *
 * @param modified modification time in milliseconds since the epoch
 */
public record SourceFile(String name, long size, long modified) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
    }

    public static SourceFile of(Path file, BasicFileAttributes attributes) {
        return new SourceFile(file.getFileName().toString(), attributes.size(),
                attributes.lastModifiedTime().toMillis());
    }

    public static SourceFile of(Path file) throws IOException {
        return of(file, Files.readAttributes(file, BasicFileAttributes.class));
    }

    /** The lower-case extension without the dot, or "" when there is none. */
    public String extension() {
        return extensionOf(name);
    }

    public static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
