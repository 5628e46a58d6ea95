package com.postwarden.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an object sits inside what was scanned: the outer name first, then each container entry, shown
 * the way ClamAV users know it ({@code clam.tar.gz!clam.tar!clam.exe}).
 */
public record ContainerPath(List<String> names) {
    public static final String SEPARATOR = "!";

    public ContainerPath {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a container path names at least the scanned object");
        }
    }

    public static ContainerPath of(String name) {
        return new ContainerPath(List.of(Objects.requireNonNull(name, "name")));
    }

    /** The path of an entry inside this object. */
    public ContainerPath child(String name) {
        List<String> longer = new ArrayList<>(names.size() + 1);
        longer.addAll(names);
        longer.add(name);
        return new ContainerPath(longer);
    }

    /** How many containers deep the object is: 0 for the scanned object itself. */
    public int depth() {
        return names.size() - 1;
    }

    @Override
    public String toString() {
        return String.join(SEPARATOR, names);
    }
}
