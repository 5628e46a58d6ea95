package com.postwarden.scan.internal.filetype;

/**
 * The kind of an object as its bytes tell it (never its name): which unpacker opens it and which signature
 * targets apply. Mirrors the file types ClamAV distinguishes, so signature target types map one to one.
 */
public enum FileType {
    BINARY(false),
    TEXT(false),
    HTML(true),
    MAIL(true),
    PE(false),
    ELF(false),
    MACH_O(false),
    JAVA_CLASS(false),
    GRAPHICS(false),
    ZIP(true),
    GZIP(true),
    BZIP2(true),
    XZ(true),
    LZMA(true),
    TAR(true),
    SEVEN_ZIP(true),
    CPIO(true),
    ARJ(true),
    CAB(true),
    CHM(true),
    SZDD(true),
    OLE2(true),
    PDF(true),
    RTF(true),
    TNEF(true),
    BINHEX(true),
    UUENCODE(true),
    YENC(true);

    private final boolean container;

    FileType(boolean container) {
        this.container = container;
    }

    /** Whether objects of this type may hold other objects to extract and scan. */
    public boolean isContainer() {
        return container;
    }
}
