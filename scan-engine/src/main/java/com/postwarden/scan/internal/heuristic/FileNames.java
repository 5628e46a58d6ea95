package com.postwarden.scan.internal.heuristic;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a file name says about how Windows would open the file: its real extension (trailing dots and blanks
 * dropped, as Windows drops them) and whether that extension runs code when the file is opened.
 */
final class FileNames {
    /** Extensions of Windows programs and libraries a double click runs. */
    static final Set<String> PROGRAMS = Set.of("exe", "com", "dll", "msi", "msp", "jar", "class", "app", "appx",
            "msix", "gadget", "application");
    /** Extensions of scripts and script-like files Windows runs with a host when they are opened. */
    static final Set<String> SCRIPTS = Set.of("js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "bat", "cmd",
            "scr", "pif", "cpl", "msc", "reg", "vb");
    /** Shortcuts: a file that points at a program or a remote location and runs it. */
    static final Set<String> SHORTCUTS = Set.of("lnk", "url", "scf", "website");
    /** Disk images Windows mounts with a double click, showing what is inside without mark-of-the-web. */
    static final Set<String> DISK_IMAGES = Set.of("iso", "img", "vhd", "vhdx");

    private FileNames() {
    }

    /** The last component of an entry name that may carry a path ({@code dir/sub/file.exe}). */
    static String baseName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1);
    }

    /** The extension Windows would use, lower case, without the dot; empty when the name has none. */
    static Optional<String> extension(String name) {
        String trimmed = stripTrailingDotsAndBlanks(name);
        int dot = trimmed.lastIndexOf('.');
        if (dot < 0 || dot == trimmed.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The name without its extension (and without trailing dots and blanks). */
    static String stem(String name) {
        String trimmed = stripTrailingDotsAndBlanks(name);
        int dot = trimmed.lastIndexOf('.');
        return dot < 0 ? trimmed : trimmed.substring(0, dot);
    }

    /** Whether opening a file of this name runs code: a program, a script or a shortcut. */
    static boolean runsCode(String name) {
        return extension(name).map(FileNames::runsCodeExtension).orElse(false);
    }

    static boolean runsCodeExtension(String extension) {
        return PROGRAMS.contains(extension) || SCRIPTS.contains(extension) || SHORTCUTS.contains(extension);
    }

    static String stripTrailingDotsAndBlanks(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1))
                || Character.isSpaceChar(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(0, end);
    }
}
