package com.postwarden.scan.internal.container.document;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;

/**
 * Tells which streams of an Office compound file are encrypted, from the markers each format keeps in plain
 * text: an {@code EncryptedPackage} next to {@code EncryptionInfo} (MS-OFFCRYPTO 2.3.4, password-protected
 * OOXML), the {@code fEncrypted} bit of Word's FIB (MS-DOC 2.5.2), a {@code FILEPASS} record among the first
 * records of Excel's workbook stream (MS-XLS 2.4.117), and PowerPoint's {@code EncryptedSummary} stream
 * (MS-PPT 2.3.8, whose document stream is then encrypted).
 */
final class OfficeEncryption {
    private static final int WORD_FLAGS = 0x0A;
    private static final int WORD_ENCRYPTED = 0x0100;
    private static final int BIFF_FILEPASS = 0x002F;
    private static final int BIFF_EOF = 0x000A;
    /** FILEPASS follows BOF closely (MS-XLS 2.1.4); a workbook without it in its first records is not encrypted. */
    private static final int BIFF_RECORDS_SEARCHED = 32;

    private OfficeEncryption() {
    }

    static boolean isEncrypted(DirectoryNode dir, DocumentEntry document) throws IOException {
        switch (document.getName()) {
            case "EncryptedPackage":
                return dir.hasEntry("EncryptionInfo");
            case "WordDocument":
                return wordEncrypted(document);
            case "Workbook":
            case "Book":
                return excelEncrypted(document);
            case "PowerPoint Document":
                return dir.hasEntry("EncryptedSummary");
            default:
                return false;
        }
    }

    private static boolean wordEncrypted(DocumentEntry document) throws IOException {
        try (InputStream in = new GuardedInputStream(new DocumentInputStream(document), "Word FIB")) {
            byte[] head = in.readNBytes(WORD_FLAGS + 2);
            return head.length == WORD_FLAGS + 2
                    && ((head[WORD_FLAGS] & 0xff | (head[WORD_FLAGS + 1] & 0xff) << 8) & WORD_ENCRYPTED) != 0;
        }
    }

    private static boolean excelEncrypted(DocumentEntry document) throws IOException {
        try (InputStream in = new GuardedInputStream(new DocumentInputStream(document), "Excel workbook")) {
            byte[] header = new byte[4];
            for (int i = 0; i < BIFF_RECORDS_SEARCHED; i++) {
                if (in.readNBytes(header, 0, 4) < 4) {
                    return false;
                }
                int type = header[0] & 0xff | (header[1] & 0xff) << 8;
                int length = header[2] & 0xff | (header[3] & 0xff) << 8;
                if (type == BIFF_FILEPASS) {
                    return true;
                }
                if (type == BIFF_EOF || in.skip(length) < length) {
                    return false;
                }
            }
            return false;
        }
    }
}
