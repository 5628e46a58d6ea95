package com.postwarden.scan.internal.heuristic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@value #NAME}: a program ({@link ExecutableKind#isProgram()}: PE, ELF, Mach-O, MSI, Java class, jar, told by
 * its bytes) delivered under a claim that it is something harmless: a document, picture, media or plain archive
 * extension ({@link NameTricks#DECOYS}), or a declared media type of a document, picture, media or text. Only
 * that clear contradiction counts (a jar called a zip is none); the usual noise between declared types ({@code application/octet-stream} for
 * anything, {@code text/plain} for a CSV, a zip declared as {@code application/x-zip-compressed}) never does.
 */
final class TypeMismatch implements Heuristic {
    static final String NAME = "Heuristic.Type.Mismatch";

    private static final Set<String> HARMLESS_TYPE_PREFIXES = Set.of("image/", "audio/", "video/", "text/",
            "application/pdf", "application/msword", "application/rtf", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.",
            "application/vnd.oasis.opendocument.", "application/zip", "application/x-zip-compressed");

    private static final Set<String> ZIP_EXTENSIONS = Set.of("zip");
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed");

    @Override
    public Set<String> names() {
        return Set.of(NAME);
    }

    @Override
    public List<String> examine(ScannedObject object) {
        Optional<ExecutableKind> kind = ExecutableKind.delivered(object);
        if (kind.isEmpty() || !kind.get().isProgram()) {
            return List.of();
        }
        // a jar is a zip: calling it one is no contradiction
        boolean jar = kind.get() == ExecutableKind.JAR;
        boolean decoyName = FileNames.extension(FileNames.baseName(object.name()))
                .filter(NameTricks.DECOYS::contains).filter(ext -> !(jar && ZIP_EXTENSIONS.contains(ext))).isPresent();
        boolean harmlessDeclared = object.declaredType().filter(TypeMismatch::harmlessType)
                .filter(type -> !(jar && ZIP_TYPES.contains(type))).isPresent();
        return decoyName || harmlessDeclared ? List.of(NAME) : List.of();
    }

    private static boolean harmlessType(String declared) {
        String type = declared.toLowerCase(Locale.ROOT);
        for (String prefix : HARMLESS_TYPE_PREFIXES) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
