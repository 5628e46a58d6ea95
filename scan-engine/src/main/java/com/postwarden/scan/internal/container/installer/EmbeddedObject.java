package com.postwarden.scan.internal.container.installer;

/**
 * An object found inside an executable by its magic number and header: its kind, where it starts and how many
 * bytes it spans there (never past the end of the file).
 */
record EmbeddedObject(Kind kind, long offset, long length) {

    /** The kinds of embedded objects looked for. */
    enum Kind {
        PE("pe"),
        CAB("cab"),
        SEVEN_ZIP("7z"),
        NSIS("nsis"),
        AUTOIT("autoit"),
        INSTALLSHIELD_MSI("installshield"),
        ZIP("zip"),
        RAR("rar"),
        ARJ("arj"),
        OLE2("ole2");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The entry name it is handed over under, as {@code cab@476556}: no embedded object has a name of its own. */
    String name() {
        return kind.label() + "@" + offset;
    }

    long end() {
        return offset + length;
    }
}
