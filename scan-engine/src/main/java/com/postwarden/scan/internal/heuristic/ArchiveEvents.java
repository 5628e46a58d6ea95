package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detections the engine raises from what it meets while unpacking rather than from an object's bytes:
 * <ul>
 *   <li>{@value #ENCRYPTED_EXECUTABLE}: an encrypted archive entry whose name runs code when opened (a program,
 *       a script or a shortcut, {@link FileNames}): the password in the mail text, the payload where no scanner
 *       can look, is how malware passes gateways. Default malicious.</li>
 *   <li>{@value #BOMB}: a limit reached in a way ordinary files do not reach it: an entry expanding past the
 *       ratio limit (more than {@code maxRatio} times its container, beyond the 1 MB every container may
 *       expand to), or the recursion limit reached with the innermost {@link #BOMB_ARCHIVE_LEVELS} levels all
 *       archives (archives of archives, quines). The limit's own unscannable verdict stays; this finding adds
 *       to it. Too many entries in one container is not counted: large source or photo archives reach it.
 *       Default suspicious.</li>
 * </ul>
 */
public final class ArchiveEvents {
    public static final String ENCRYPTED_EXECUTABLE = "Heuristic.Archive.EncryptedExecutable";
    public static final String BOMB = "Heuristic.Archive.Bomb";
    /** Archive levels directly above an object at the recursion limit that make it look like a bomb. */
    static final int BOMB_ARCHIVE_LEVELS = 4;

    /** Formats holding several named entries; compressed single streams (gzip, bzip2, xz) wrap one. */
    private static final Set<FileType> ARCHIVES = EnumSet.of(FileType.ZIP, FileType.SEVEN_ZIP, FileType.TAR,
            FileType.CPIO, FileType.ARJ, FileType.CAB);
    private static final Set<FileType> COMPRESSED = EnumSet.of(FileType.GZIP, FileType.BZIP2, FileType.XZ,
            FileType.LZMA, FileType.SZDD);

    private ArchiveEvents() {
    }

    static Map<String, Level> defaultLevels() {
        return Map.of(ENCRYPTED_EXECUTABLE, Level.MALICIOUS, BOMB, Level.SUSPICIOUS);
    }

    /** Whether an encrypted entry of this name (a path inside the archive, maybe) is {@value #ENCRYPTED_EXECUTABLE}. */
    public static boolean encryptedExecutable(String entryName) {
        return FileNames.runsCode(FileNames.baseName(entryName));
    }

    /**
     * Whether an object of {@code type} that reached the recursion limit inside {@code containers} (outermost
     * first) is {@value #BOMB}.
     */
    public static boolean recursionBomb(FileType type, List<FileType> containers) {
        if (!isArchive(type) || containers.size() < BOMB_ARCHIVE_LEVELS) {
            return false;
        }
        for (FileType container : containers.subList(containers.size() - BOMB_ARCHIVE_LEVELS, containers.size())) {
            if (!isArchive(container)) {
                return false;
            }
        }
        return true;
    }

    /** A multi-entry archive or a compressed stream. */
    static boolean isArchive(FileType type) {
        return ARCHIVES.contains(type) || COMPRESSED.contains(type);
    }

    /** A format of several named entries (not a compressed single stream). */
    static boolean isMultiEntryArchive(FileType type) {
        return ARCHIVES.contains(type);
    }
}
