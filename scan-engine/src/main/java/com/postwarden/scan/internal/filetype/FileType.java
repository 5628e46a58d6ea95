package com.postwarden.scan.internal.filetype;

/**
 * The kind of an object as its bytes tell it (never its name): which unpacker opens it and which signature
 * targets apply. Mirrors the file types ClamAV distinguishes, so signature target types map one to one.
 */
public enum FileType {
    BINARY("Binary", false),
    TEXT("Text", false),
    HTML("Html", true),
    MAIL("Mail", true),
    PE("PE", true),
    ELF("ELF", false),
    MACH_O("MachO", false),
    JAVA_CLASS("JavaClass", false),
    GRAPHICS("Graphics", false),
    ZIP("Zip", true),
    GZIP("Gzip", true),
    BZIP2("Bzip2", true),
    XZ("Xz", true),
    LZMA("Lzma", true),
    TAR("Tar", true),
    SEVEN_ZIP("7z", true),
    CPIO("Cpio", true),
    ARJ("Arj", true),
    CAB("Cab", true),
    CHM("Chm", true),
    SZDD("Szdd", true),
    OLE2("OLE2", true),
    PDF("PDF", true),
    RTF("RTF", true),
    TNEF("TNEF", true),
    BINHEX("BinHex", true),
    UUENCODE("UUEncode", true),
    YENC("yEnc", true),
    SIS("SIS", true),
    NSIS("NSIS", true),
    AUTOIT("AutoIt", true),
    ISHIELD_MSI("InstallShieldMsi", true);

    private final String label;
    private final boolean container;

    FileType(String label, boolean container) {
        this.label = label;
        this.container = container;
    }

    /** The name used in detection-style reasons, as in {@code Heuristics.Broken.Zip}. */
    public String label() {
        return label;
    }

    /** Whether objects of this type may hold other objects to extract and scan. */
    public boolean isContainer() {
        return container;
    }
}
