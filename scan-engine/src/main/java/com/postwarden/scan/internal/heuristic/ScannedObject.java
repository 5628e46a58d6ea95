package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.ContainerPath;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a scan as heuristics see it: its bytes, the type detected from them, where it sits in the
 * container tree, the types of the containers it came out of and, for a mail part, the media type its headers
 * declared.
 *
 * @param declaredType the declared media type without parameters, lower case (e.g. {@code application/pdf})
 * @param containers the detected types of the enclosing containers, outermost first; one per level of
 *     {@code path} above the object, so empty for the scanned object itself
 */
public record ScannedObject(Content content, FileType type, ContainerPath path, Optional<String> declaredType,
                            List<FileType> containers) {
    public ScannedObject {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(declaredType, "declaredType");
        containers = List.copyOf(containers);
    }

    /** An object whose enclosing containers are unknown. */
    public ScannedObject(Content content, FileType type, ContainerPath path, Optional<String> declaredType) {
        this(content, type, path, declaredType, List.of());
    }

    /** The object's own name: the last component of its path (an entry name, a file name, or the scan root). */
    public String name() {
        List<String> names = path.names();
        return names.get(names.size() - 1);
    }

    /** Whether the object was extracted from a container (an attachment, an archive entry) rather than scanned. */
    public boolean extracted() {
        return path.depth() > 0;
    }

    /** The type of the container the object came out of, if any. */
    public Optional<FileType> parent() {
        return containers.isEmpty() ? Optional.empty() : Optional.of(containers.get(containers.size() - 1));
    }
}
