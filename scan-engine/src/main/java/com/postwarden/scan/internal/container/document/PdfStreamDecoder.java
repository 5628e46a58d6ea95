package com.postwarden.scan.internal.container.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Applies a stream's {@code /Filter} chain with its {@code /DecodeParms} (full or abbreviated names, ISO 32000-1
 * tables 6 and 94). At the first filter it does not know (image codecs such as DCTDecode, or Crypt) it stops and
 * the data decoded so far is what gets scanned.
 */
final class PdfStreamDecoder {
    /** Longer chains are not written by any producer; they exist to make scanners loop. */
    static final int MAX_FILTERS = 16;

    private PdfStreamDecoder() {
    }

    static InputStream decode(InputStream raw, Map<String, Object> dictionary) throws IOException {
        List<Object> filters = PdfUnpacker.asList(dictionary.get("Filter"));
        List<Object> parameters = PdfUnpacker.asList(dictionary.get("DecodeParms"));
        InputStream stream = raw;
        for (int i = 0; i < Math.min(filters.size(), MAX_FILTERS); i++) {
            if (!(filters.get(i) instanceof PdfSyntax.Name)) {
                return stream;
            }
            Map<?, ?> parms = i < parameters.size() && parameters.get(i) instanceof Map
                    ? (Map<?, ?>) parameters.get(i) : Map.of();
            InputStream next = filter(((PdfSyntax.Name) filters.get(i)).value(), stream, parms);
            if (next == null) {
                return stream;
            }
            stream = next;
        }
        return stream;
    }

    private static InputStream filter(String name, InputStream in, Map<?, ?> parms) throws IOException {
        switch (name) {
            case "FlateDecode":
            case "Fl":
                return predicted(PdfFilterStreams.flate(in), parms);
            case "LZWDecode":
            case "LZW":
                return predicted(new PdfFilterStreams.Lzw(in, (int) number(parms.get("EarlyChange"), 1)), parms);
            case "ASCIIHexDecode":
            case "AHx":
                return new PdfFilterStreams.AsciiHex(in);
            case "ASCII85Decode":
            case "A85":
                return new PdfFilterStreams.Ascii85(skipPrefix(in));
            case "RunLengthDecode":
            case "RL":
                return new PdfFilterStreams.RunLength(in);
            default:
                return null;
        }
    }

    private static InputStream predicted(InputStream in, Map<?, ?> parms) {
        return PdfPredictorStream.wrap(in, number(parms.get("Predictor"), 1), number(parms.get("Colors"), 1),
                number(parms.get("BitsPerComponent"), 8), number(parms.get("Columns"), 1));
    }

    /** Some writers start ASCII85 data with the {@code <~} of PostScript; PDF does not, so it is dropped. */
    private static InputStream skipPrefix(InputStream in) throws IOException {
        java.io.PushbackInputStream peek = new java.io.PushbackInputStream(in, 2);
        byte[] head = peek.readNBytes(2);
        if (!(head.length == 2 && head[0] == '<' && head[1] == '~')) {
            peek.unread(head);
        }
        return peek;
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number ? ((Number) value).longValue() : fallback;
    }
}
