package com.postwarden.scan.internal.container;

import com.postwarden.scan.internal.container.cabinet.ArjUnpacker;
import com.postwarden.scan.internal.container.cabinet.CabUnpacker;
import com.postwarden.scan.internal.container.cabinet.ChmUnpacker;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Which unpacker opens which container type. */
public final class Unpackers {
    private final Map<FileType, Unpacker> byType;

    private Unpackers(Map<FileType, Unpacker> byType) {
        this.byType = byType;
    }

    /** Every unpacker the engine ships with. */
    public static Unpackers standard() {
        Map<FileType, Unpacker> byType = new EnumMap<>(FileType.class);
        byType.put(FileType.ARJ, new ArjUnpacker());
        byType.put(FileType.CAB, new CabUnpacker());
        byType.put(FileType.CHM, new ChmUnpacker());
        return new Unpackers(byType);
    }

    public Optional<Unpacker> forType(FileType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
