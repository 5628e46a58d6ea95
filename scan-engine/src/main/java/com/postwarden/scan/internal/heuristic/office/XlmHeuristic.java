package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@value #NAME}: an Excel workbook with an Excel 4.0 (XLM) macro sheet, the old macro language that runs formulas
 * such as {@code =EXEC()} and that VBA tooling does not see. In an Excel 97 workbook a macro sheet is a
 * {@code BoundSheet8} record of the globals substream with sheet type 1 (MS-XLS 2.4.28); in an OOXML or binary
 * workbook package, a part under {@code xl/macrosheets/} or {@code xl/intlmacrosheets/}.
 *
 * <p>Hand-written for BIFF: POI's HSSF reads the whole workbook and does not expose the sheet type; only the
 * record headers of the globals substream are walked here, payloads skipped without allocation.
 */
public final class XlmHeuristic extends OneDetection {
    public static final String NAME = "Heuristic.Macro.XLM";
    /** Default level: bytes of the globals substream walked; sheet records come early, after fonts, formats and styles. */
    static final long MAX_GLOBALS_BYTES = 8L << 20;
    private static final int BOUNDSHEET = 0x0085;
    private static final int EOF = 0x000A;
    private static final int MACRO_SHEET = 1;

    /** Excel 4.0 macro sheets are all but unused today except by malware. */
    public XlmHeuristic() {
        super(NAME, Level.MALICIOUS);
    }

    @Override
    boolean foundIn(ScannedObject object) {
        return switch (object.type()) {
            case OLE2 -> inWorkbook(object);
            case ZIP -> inPackage(object);
            default -> false;
        };
    }

    private static boolean inPackage(ScannedObject object) {
        Optional<OoxmlPackage> opened = OoxmlPackage.open(object.content());
        if (opened.isEmpty()) {
            return false;
        }
        try (OoxmlPackage ooxml = opened.get()) {
            return ooxml.names().stream()
                    .anyMatch(name -> name.startsWith("xl/macrosheets/") || name.startsWith("xl/intlmacrosheets/"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean inWorkbook(ScannedObject object) {
        return CompoundFile.rootStreamPasses(object.content(), "Workbook", XlmHeuristic::hasMacroSheet);
    }

    /**
     * Walks the records of the globals substream up to its EOF record for a macro sheet's BoundSheet8; a stream
     * that ends inside a record is damage ({@link EOFException}).
     */
    static boolean hasMacroSheet(InputStream biff) throws IOException {
        long read = 0;
        while (read < MAX_GLOBALS_BYTES) {
            int type = u16(biff);
            int length = u16(biff);
            read += 4 + length;
            if (type < 0 || length < 0 || type == EOF) {
                return false;
            }
            if (type == BOUNDSHEET && length >= 6) {
                byte[] sheet = biff.readNBytes(6);
                if (sheet.length < 6) {
                    throw new EOFException("workbook stream ends inside a BoundSheet8 record");
                }
                if ((sheet[5] & 0xff) == MACRO_SHEET) {
                    return true;
                }
                biff.skipNBytes(length - 6L);
            } else {
                biff.skipNBytes(length);
            }
        }
        return false;
    }

    /** A little-endian u16, or -1 at the end of the stream. */
    private static int u16(InputStream in) throws IOException {
        int low = in.read();
        int high = in.read();
        if (low < 0 || high < 0) {
            return -1;
        }
        return low | high << 8;
    }
}
