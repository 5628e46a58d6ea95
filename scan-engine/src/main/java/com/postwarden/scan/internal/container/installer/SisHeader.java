package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * The header of a Symbian installation file of the old format (EPOC release 3 to 6, before Symbian OS 9): four
 * UIDs (the third is {@code 0x10000419}, the second tells release 6 from earlier), then counts, option flags and
 * pointers. Only what extraction needs is kept.
 */
record SisHeader(boolean release6, int languages, int records, boolean unicode, boolean compressed,
                 long recordsOffset) {
    static final long UID_SIS = 0x10000419L;
    static final long UID_RELEASE_6 = 0x10003a12L;
    static final long UID_RELEASE_5 = 0x1000006dL;
    /** The header up to and including the component name pointer, common to every release. */
    static final int SIZE = 68;
    /** The number of languages Symbian defines; a count above it is damage. */
    static final int MAX_LANGUAGES = 99;
    private static final int OPTION_UNICODE = 0x1;
    private static final int OPTION_NOT_COMPRESSED = 0x8;

    /** Whether {@code content} starts with the UIDs of an old-format SIS file. */
    static boolean isAt(Content content) {
        long uid2 = ContentBytes.u32(content, 4);
        return ContentBytes.u32(content, 8) == UID_SIS && (uid2 == UID_RELEASE_6 || uid2 == UID_RELEASE_5);
    }

    static SisHeader read(Content content) throws IOException {
        if (!isAt(content)) {
            throw new IOException("no SIS UIDs (third UID 0x10000419) at the start");
        }
        if (content.size() < SIZE) {
            throw new IOException("SIS header cut off after " + content.size() + " bytes: truncated");
        }
        int languages = ContentBytes.u16(content, 18);
        if (languages == 0 || languages > MAX_LANGUAGES) {
            throw new IOException("SIS header declares " + languages + " languages");
        }
        int options = ContentBytes.u16(content, 36);
        long recordsOffset = ContentBytes.u32(content, 52);
        if (recordsOffset < SIZE) {
            throw new IOException("SIS file records pointer " + recordsOffset + " points into the header");
        }
        return new SisHeader(ContentBytes.u32(content, 4) == UID_RELEASE_6, languages, ContentBytes.u16(content, 20),
                (options & OPTION_UNICODE) != 0, (options & OPTION_NOT_COMPRESSED) == 0, recordsOffset);
    }
}
