package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.EnumMap;
import java.util.Map;

/** The archive and compression unpackers of this package, by the file type each opens. */
public final class ArchiveUnpackers {

    private ArchiveUnpackers() {
    }

    /** A new map of zip, 7z, tar, cpio, gzip, bzip2, xz, lzma and SZDD to their (stateless) unpackers. */
    public static Map<FileType, Unpacker> byType() {
        Map<FileType, Unpacker> byType = new EnumMap<>(FileType.class);
        byType.put(FileType.ZIP, new ZipUnpacker());
        byType.put(FileType.SEVEN_ZIP, new SevenZipUnpacker());
        byType.put(FileType.TAR, new TarUnpacker());
        byType.put(FileType.CPIO, new CpioUnpacker());
        byType.put(FileType.GZIP, CompressedStreamUnpacker.gzip());
        byType.put(FileType.BZIP2, CompressedStreamUnpacker.bzip2());
        byType.put(FileType.XZ, CompressedStreamUnpacker.xz());
        byType.put(FileType.LZMA, CompressedStreamUnpacker.lzma());
        byType.put(FileType.SZDD, new SzddUnpacker());
        return byType;
    }
}
