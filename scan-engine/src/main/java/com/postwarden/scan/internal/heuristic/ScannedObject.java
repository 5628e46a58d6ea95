package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.ContainerPath;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a scan as heuristics see it: its bytes, the type detected from them, where it sits in the
 * container tree and, for a mail part, the media type its headers declared.
 *
 * @param declaredType the declared media type without parameters, lower case (e.g. {@code application/pdf})
 */
public record ScannedObject(Content content, FileType type, ContainerPath path, Optional<String> declaredType) {
    public ScannedObject {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(declaredType, "declaredType");
    }

    /** The object's own name: the last component of its path (an entry name, a file name, or the scan root). */
    public String name() {
        List<String> names = path.names();
        return names.get(names.size() - 1);
    }
}
