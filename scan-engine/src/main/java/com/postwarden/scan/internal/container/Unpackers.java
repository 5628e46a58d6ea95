package com.postwarden.scan.internal.container;

import com.postwarden.scan.internal.container.document.Ole2Unpacker;
import com.postwarden.scan.internal.container.document.PdfUnpacker;
import com.postwarden.scan.internal.container.document.RtfUnpacker;
import com.postwarden.scan.internal.container.document.TnefUnpacker;
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
        byType.put(FileType.OLE2, new Ole2Unpacker());
        byType.put(FileType.PDF, new PdfUnpacker());
        byType.put(FileType.RTF, new RtfUnpacker());
        byType.put(FileType.TNEF, new TnefUnpacker());
        return new Unpackers(byType);
    }

    public Optional<Unpacker> forType(FileType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
