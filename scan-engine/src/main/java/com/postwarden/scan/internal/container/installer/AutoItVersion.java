package com.postwarden.scan.internal.container.installer;

/**
 * The two formats of compiled AutoIt v3 scripts, named for their markers: EA05 (AutoIt 3.0 to 3.2.5, strings
 * in ANSI, a Mersenne Twister key stream) and EA06 (3.2.6 on, strings in UTF-16, the "LAME" key stream). Each
 * record field is stored XORed with a constant and encrypted with a key stream seeded from a constant; the
 * constants below are the format's.
 */
enum AutoItVersion {
    EA05(0xceb06dffL, 0x29bc, 0x29ac, 0x45aa, 1, 0xa25e, 0xf25e, 0x22af, true),
    EA06(0x52ca436bL, 0xadbc, 0xf820, 0x87bc, 2, 0xb33f, 0xf479, 0x2477, false);

    private final long fileMagic;
    private final int tagKey;
    private final int nameKey;
    private final int sizeKey;
    private final int charBytes;
    private final int tagSeed;
    private final int nameSeed;
    private final int dataSeed;
    private final boolean matchOnSetBit;

    AutoItVersion(long fileMagic, int tagKey, int nameKey, int sizeKey, int charBytes, int tagSeed, int nameSeed,
                  int dataSeed, boolean matchOnSetBit) {
        this.fileMagic = fileMagic;
        this.tagKey = tagKey;
        this.nameKey = nameKey;
        this.sizeKey = sizeKey;
        this.charBytes = charBytes;
        this.tagSeed = tagSeed;
        this.nameSeed = nameSeed;
        this.dataSeed = dataSeed;
        this.matchOnSetBit = matchOnSetBit;
    }

    /** The value that starts every file record ("FILE", encrypted). */
    long fileMagic() {
        return fileMagic;
    }

    int tagKey() {
        return tagKey;
    }

    int nameKey() {
        return nameKey;
    }

    int sizeKey() {
        return sizeKey;
    }

    /** Bytes per character of the tag and name strings. */
    int charBytes() {
        return charBytes;
    }

    int tagSeed() {
        return tagSeed;
    }

    int nameSeed() {
        return nameSeed;
    }

    /** The seed of the data key stream; EA05 adds the sum of the 16 bytes after the marker. */
    int dataSeed() {
        return dataSeed;
    }

    /** The marker that starts compressed data, {@code EA05} or {@code EA06}. */
    String compressionMarker() {
        return name();
    }

    /** Whether a set flag bit starts a back-reference in the compressed data (EA05) or a clear one (EA06). */
    boolean matchOnSetBit() {
        return matchOnSetBit;
    }

    /** A fresh key stream of this version's kind. */
    AutoItKeyStream keyStream(long seed) {
        return this == EA05 ? new MersenneTwisterKeyStream(seed) : new LameKeyStream(seed);
    }
}
