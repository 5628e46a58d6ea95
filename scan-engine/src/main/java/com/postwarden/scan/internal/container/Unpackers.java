package com.postwarden.scan.internal.container;

import com.postwarden.scan.internal.container.archive.ArchiveUnpackers;
import com.postwarden.scan.internal.container.cabinet.ArjUnpacker;
import com.postwarden.scan.internal.container.cabinet.CabUnpacker;
import com.postwarden.scan.internal.container.cabinet.ChmUnpacker;
import com.postwarden.scan.internal.container.document.Ole2Unpacker;
import com.postwarden.scan.internal.container.document.PdfUnpacker;
import com.postwarden.scan.internal.container.document.RtfUnpacker;
import com.postwarden.scan.internal.container.document.TnefUnpacker;
import com.postwarden.scan.internal.container.installer.AutoItUnpacker;
import com.postwarden.scan.internal.container.installer.InstallShieldMsiUnpacker;
import com.postwarden.scan.internal.container.installer.NsisUnpacker;
import com.postwarden.scan.internal.container.installer.PeUnpacker;
import com.postwarden.scan.internal.container.installer.SisUnpacker;
import com.postwarden.scan.internal.container.text.BinHexUnpacker;
import com.postwarden.scan.internal.container.text.HtmlUnpacker;
import com.postwarden.scan.internal.container.text.MailUnpacker;
import com.postwarden.scan.internal.container.text.UuencodeUnpacker;
import com.postwarden.scan.internal.container.text.YencUnpacker;
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
        byType.putAll(ArchiveUnpackers.byType());
        byType.put(FileType.OLE2, new Ole2Unpacker());
        byType.put(FileType.PDF, new PdfUnpacker());
        byType.put(FileType.RTF, new RtfUnpacker());
        byType.put(FileType.TNEF, new TnefUnpacker());
        byType.put(FileType.MAIL, new MailUnpacker());
        byType.put(FileType.HTML, new HtmlUnpacker());
        byType.put(FileType.UUENCODE, new UuencodeUnpacker());
        byType.put(FileType.YENC, new YencUnpacker());
        byType.put(FileType.BINHEX, new BinHexUnpacker());
        byType.put(FileType.ARJ, new ArjUnpacker());
        byType.put(FileType.CAB, new CabUnpacker());
        byType.put(FileType.CHM, new ChmUnpacker());
        byType.put(FileType.PE, new PeUnpacker());
        byType.put(FileType.NSIS, new NsisUnpacker());
        byType.put(FileType.AUTOIT, new AutoItUnpacker());
        byType.put(FileType.ISHIELD_MSI, new InstallShieldMsiUnpacker());
        byType.put(FileType.SIS, new SisUnpacker());
        return new Unpackers(byType);
    }

    public Optional<Unpacker> forType(FileType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
