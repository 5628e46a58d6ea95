package com.postwarden.scan.internal.heuristic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Heuristic.Executable.<Kind>}: an attachment or archive entry that runs code when opened
 * ({@link ExecutableKind}): programs told by their bytes whatever their name (PE, ELF, Mach-O, MSI, Java class,
 * jar), scripts by their name, shortcuts and disk images by their magic (LNK header, ISO 9660 {@code CD001},
 * VHD {@code conectix}) or their name. Only for delivered objects ({@link ExecutableKind#delivered}).
 */
final class ExecutableContent implements Heuristic {
    private static final Set<String> NAMES = detectionNames();

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public List<String> examine(ScannedObject object) {
        return ExecutableKind.delivered(object).map(kind -> List.of(kind.detection())).orElse(List.of());
    }

    private static Set<String> detectionNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ExecutableKind kind : ExecutableKind.values()) {
            names.add(kind.detection());
        }
        return Set.copyOf(names);
    }
}
