package com.postwarden.scan.internal.container.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Undoes the predictor of a Flate or LZW stream (ISO 32000-1 table 8): PNG predictors (10-15, each row prefixed
 * by its filter type: None, Sub, Up, Average, Paeth) and TIFF predictor 2 for 8-bit components. One row and the
 * previous one are all the memory it needs.
 */
final class PdfPredictorStream extends DecodingInputStream {
    private final boolean png;
    private final int bytesPerPixel;
    private final byte[] row;
    private final byte[] previous;

    private PdfPredictorStream(InputStream in, boolean png, int rowLength, int bytesPerPixel) {
        super(in, rowLength);
        this.png = png;
        this.bytesPerPixel = bytesPerPixel;
        this.row = new byte[rowLength];
        this.previous = new byte[rowLength];
    }

    /**
     * Wraps {@code in} for the given {@code /DecodeParms}; returns {@code in} itself for predictor 1 or a row
     * shape that is not believable.
     */
    static InputStream wrap(InputStream in, long predictor, long colors, long bitsPerComponent, long columns) {
        if (predictor < 2 || colors < 1 || colors > 32 || bitsPerComponent < 1 || bitsPerComponent > 16
                || columns < 1) {
            return in;
        }
        long rowBits = columns * colors * bitsPerComponent;
        if (rowBits > 8L * PdfFilterStreams.MAX_ROW) {
            return in;
        }
        int rowLength = (int) ((rowBits + 7) / 8);
        int bytesPerPixel = (int) Math.max(1, colors * bitsPerComponent / 8);
        if (predictor == 2) {
            return bitsPerComponent == 8 ? new PdfPredictorStream(in, false, rowLength, bytesPerPixel) : in;
        }
        return predictor >= 10 ? new PdfPredictorStream(in, true, rowLength, bytesPerPixel) : in;
    }

    @Override
    protected int decode(byte[] out) throws IOException {
        int type = 0;
        if (png) {
            type = next();
            if (type < 0) {
                return -1;
            }
        }
        int n = source.readNBytes(row, 0, row.length);
        if (n == 0) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            int left = i >= bytesPerPixel ? row[i - bytesPerPixel] & 0xff : 0;
            int up = previous[i] & 0xff;
            int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] & 0xff : 0;
            int raw = row[i] & 0xff;
            if (!png) {
                row[i] = (byte) (raw + left);
                continue;
            }
            switch (type) {
                case 1:
                    row[i] = (byte) (raw + left);
                    break;
                case 2:
                    row[i] = (byte) (raw + up);
                    break;
                case 3:
                    row[i] = (byte) (raw + (left + up) / 2);
                    break;
                case 4:
                    row[i] = (byte) (raw + paeth(left, up, upLeft));
                    break;
                default:
                    break; // 0 is None; unknown types are taken as None, as readers do
            }
        }
        System.arraycopy(row, 0, previous, 0, n);
        System.arraycopy(row, 0, out, 0, n);
        return n;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
