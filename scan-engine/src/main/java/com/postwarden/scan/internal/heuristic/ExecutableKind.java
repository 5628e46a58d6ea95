package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of objects that run code when a user opens them, each told from the bytes where a format has a
 * magic, otherwise from the name. The content checks read fixed, small ranges of the object: the detected
 * {@link FileType}, the root directory entry of an OLE2 file (MSI), the end of a zip (its central directory), the
 * ISO 9660 volume descriptors at 32 KB, a VHD footer in the last 512 bytes.
 */
enum ExecutableKind {
    PE("PE"),
    ELF("ELF"),
    MACH_O("MachO"),
    MSI("MSI"),
    JAVA_CLASS("JavaClass"),
    JAR("Jar"),
    SCRIPT("Script"),
    SHORTCUT("Shortcut"),
    DISK_IMAGE("DiskImage");

    static final String PREFIX = "Heuristic.Executable.";

    private static final byte[] LNK_HEADER = {0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, (byte) 0xc0, 0, 0, 0,
        0, 0, 0, 0x46};
    /** CLSIDs of the root storage of Windows Installer packages, patches and transforms, as stored. */
    private static final byte[][] MSI_CLSIDS = {
        {(byte) 0x84, 0x10, 0x0c, 0, 0, 0, 0, 0, (byte) 0xc0, 0, 0, 0, 0, 0, 0, 0x46},
        {(byte) 0x86, 0x10, 0x0c, 0, 0, 0, 0, 0, (byte) 0xc0, 0, 0, 0, 0, 0, 0, 0x46},
        {(byte) 0x82, 0x10, 0x0c, 0, 0, 0, 0, 0, (byte) 0xc0, 0, 0, 0, 0, 0, 0, 0x46},
    };
    private static final byte[] CD001 = "CD001".getBytes(StandardCharsets.US_ASCII);
    /** ISO 9660 volume descriptors start at sector 16; the magic follows the type byte. */
    private static final int[] ISO_MAGIC_OFFSETS = {0x8001, 0x8801, 0x9001};
    private static final byte[] CONECTIX = "conectix".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VHDX = "vhdxfile".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MANIFEST = "META-INF/MANIFEST.MF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] META_INF = "META-INF/".getBytes(StandardCharsets.US_ASCII);
    /** How much of a zip's end is searched for the manifest's name in the central directory. */
    private static final int ZIP_TAIL = 256 * 1024;
    private static final int VHD_FOOTER = 512;

    private static final Set<FileType> EXECUTABLE_HOSTS = EnumSet.of(FileType.PE, FileType.ELF, FileType.MACH_O,
            FileType.NSIS, FileType.AUTOIT, FileType.ISHIELD_MSI, FileType.SIS);

    private final String label;

    ExecutableKind(String label) {
        this.label = label;
    }

    /** The detection name, {@code Heuristic.Executable.<Kind>}. */
    String detection() {
        return PREFIX + label;
    }

    /**
     * The kind of executable an object is, when it was delivered as one: an attachment or an archive entry, not
     * the scanned object itself (a file scan of {@code /usr/bin/ls} is not a delivery), and not a part of an
     * executable or installer (whose own payload is code by nature; the outer program is what was delivered).
     * A class file directly inside a zip is a jar's part, reported as the jar.
     */
    static Optional<ExecutableKind> delivered(ScannedObject object) {
        if (!object.extracted()) {
            return Optional.empty();
        }
        for (FileType container : object.containers()) {
            if (EXECUTABLE_HOSTS.contains(container)) {
                return Optional.empty();
            }
        }
        if (object.type() == FileType.JAVA_CLASS && object.parent().orElse(null) == FileType.ZIP) {
            return Optional.empty();
        }
        return of(object);
    }

    /** The kind of executable the object is, by its content first and then, for scripts and the like, its name. */
    static Optional<ExecutableKind> of(ScannedObject object) {
        Optional<ExecutableKind> byContent = byContent(object.content(), object.type());
        return byContent.isPresent() ? byContent : byName(FileNames.baseName(object.name()));
    }

    static Optional<ExecutableKind> byContent(Content content, FileType type) {
        switch (type) {
            case PE:
                return Optional.of(PE);
            case ELF:
                return Optional.of(ELF);
            case MACH_O:
                return Optional.of(MACH_O);
            case JAVA_CLASS:
                return Optional.of(JAVA_CLASS);
            case OLE2:
                return isMsi(content) ? Optional.of(MSI) : Optional.empty();
            case ZIP:
                return isJar(content) ? Optional.of(JAR) : Optional.empty();
            default:
                break;
        }
        if (startsWith(content, 0, LNK_HEADER)) {
            return Optional.of(SHORTCUT);
        }
        if (isDiskImage(content)) {
            return Optional.of(DISK_IMAGE);
        }
        return Optional.empty();
    }

    static Optional<ExecutableKind> byName(String name) {
        Optional<String> extension = FileNames.extension(name);
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        String ext = extension.get();
        if (FileNames.SCRIPTS.contains(ext)) {
            return Optional.of(SCRIPT);
        }
        if (FileNames.SHORTCUTS.contains(ext)) {
            return Optional.of(SHORTCUT);
        }
        return FileNames.DISK_IMAGES.contains(ext) ? Optional.of(DISK_IMAGE) : Optional.empty();
    }

    /** Whether this kind is told from the bytes alone (a program image), not from a name or a container. */
    boolean isProgram() {
        return this == PE || this == ELF || this == MACH_O || this == MSI || this == JAVA_CLASS || this == JAR;
    }

    /** An OLE2 file whose root storage has a Windows Installer CLSID (root entry of the first directory sector). */
    private static boolean isMsi(Content content) {
        if (content.size() < 512) {
            return false;
        }
        int shift = u16le(content, 0x1e);
        if (shift != 9 && shift != 12) {
            return false;
        }
        long firstDirectorySector = u32le(content, 0x30);
        long rootEntry = (firstDirectorySector + 1) << shift;
        long clsid = rootEntry + 0x50;
        if (firstDirectorySector >= 0xfffffffaL || clsid + 16 > content.size()) {
            return false;
        }
        for (byte[] msi : MSI_CLSIDS) {
            if (startsWith(content, (int) clsid, msi)) {
                return true;
            }
        }
        return false;
    }

    /** A zip whose central directory (or, for a short one, any part) names {@code META-INF/MANIFEST.MF}. */
    private static boolean isJar(Content content) {
        int from = Math.max(0, content.size() - ZIP_TAIL);
        // the first local header names its entry at offset 30; jar tools write META-INF/ first
        return indexOf(content, MANIFEST, from) >= 0 || startsWith(content, 30, META_INF);
    }

    private static boolean isDiskImage(Content content) {
        for (int offset : ISO_MAGIC_OFFSETS) {
            if (startsWith(content, offset, CD001)) {
                return true;
            }
        }
        return startsWith(content, 0, CONECTIX) || startsWith(content, 0, VHDX)
                || content.size() >= VHD_FOOTER && startsWith(content, content.size() - VHD_FOOTER, CONECTIX);
    }

    static boolean startsWith(Content content, int at, byte[] magic) {
        if (at < 0 || at + (long) magic.length > content.size()) {
            return false;
        }
        byte[] found = new byte[magic.length];
        content.read(at, found, 0, found.length);
        return Arrays.equals(found, magic);
    }

    private static int indexOf(Content content, byte[] needle, int from) {
        return indexOf(content, needle, from, content.size());
    }

    /** The first position of {@code needle} within {@code [from, to)}, or -1. */
    static int indexOf(Content content, byte[] needle, int from, int to) {
        int last = to - needle.length;
        byte first = needle[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (content.byteAt(i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (content.byteAt(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int u16le(Content content, int at) {
        return content.byteAt(at) & 0xff | (content.byteAt(at + 1) & 0xff) << 8;
    }

    private static long u32le(Content content, int at) {
        return (content.byteAt(at) & 0xffL) | (content.byteAt(at + 1) & 0xffL) << 8
                | (content.byteAt(at + 2) & 0xffL) << 16 | (content.byteAt(at + 3) & 0xffL) << 24;
    }
}
