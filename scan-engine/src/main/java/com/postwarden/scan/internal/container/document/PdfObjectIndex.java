package com.postwarden.scan.internal.container.document;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each {@code N G obj} header of a PDF is, found by scanning the bytes rather than trusting the cross
 * reference table, which malicious files break on purpose. A later definition of an object number wins, as with
 * incremental updates.
 */
final class PdfObjectIndex {
    private static final byte[] OBJ = {'o', 'b', 'j'};

    /** One object header: its number and generation and the position just after {@code obj}. */
    record Header(long number, long generation, int start, int bodyStart, int ordinal) {
    }

    private final List<Header> headers;
    private final Map<Long, Header> byNumber;

    private PdfObjectIndex(List<Header> headers, Map<Long, Header> byNumber) {
        this.headers = headers;
        this.byNumber = byNumber;
    }

    static PdfObjectIndex scan(ByteBuffer bytes) {
        List<Header> headers = new ArrayList<>();
        Map<Long, Header> byNumber = new HashMap<>();
        int size = bytes.limit();
        for (int at = Bytes.indexOf(bytes, OBJ, 0, size); at >= 0; at = Bytes.indexOf(bytes, OBJ, at + 3, size)) {
            if (at + 3 < size && PdfSyntax.isRegular(bytes.get(at + 3) & 0xff)) {
                continue; // objstm, object...
            }
            Header header = headerBefore(bytes, at, headers.size());
            if (header != null) {
                headers.add(header);
                byNumber.put(header.number(), header);
            }
        }
        return new PdfObjectIndex(headers, byNumber);
    }

    /** Parses {@code N G} backwards from the {@code obj} keyword at {@code at}. */
    private static Header headerBefore(ByteBuffer bytes, int at, int ordinal) {
        int i = at - 1;
        int spaces = skipSpaceBackwards(bytes, i);
        if (spaces == i) {
            return null;
        }
        i = spaces;
        int genEnd = i;
        while (i >= 0 && isDigit(bytes.get(i)) && genEnd - i < 6) {
            i--;
        }
        if (i == genEnd) {
            return null;
        }
        long generation = digits(bytes, i + 1, genEnd);
        int numberEnd = skipSpaceBackwards(bytes, i);
        if (numberEnd == i) {
            return null;
        }
        i = numberEnd;
        while (i >= 0 && isDigit(bytes.get(i)) && numberEnd - i < 11) {
            i--;
        }
        if (i == numberEnd || i >= 0 && PdfSyntax.isRegular(bytes.get(i) & 0xff)) {
            return null;
        }
        return new Header(digits(bytes, i + 1, numberEnd), generation, i + 1, at + 3, ordinal);
    }

    private static int skipSpaceBackwards(ByteBuffer bytes, int from) {
        int i = from;
        while (i >= 0 && from - i < 64 && PdfSyntax.isSpace(bytes.get(i) & 0xff)) {
            i--;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static long digits(ByteBuffer bytes, int from, int toInclusive) {
        long value = 0;
        for (int i = from; i <= toInclusive; i++) {
            value = value * 10 + bytes.get(i) - '0';
        }
        return value;
    }

    List<Header> headers() {
        return headers;
    }

    Header byNumber(long number) {
        return byNumber.get(number);
    }

    /** The last header starting before {@code position}, or null. */
    Header before(int position) {
        int low = 0;
        int high = headers.size() - 1;
        Header found = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (headers.get(mid).bodyStart() <= position) {
                found = headers.get(mid);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** Where the object after {@code header} starts, or {@code size}. */
    int endOf(Header header, int size) {
        int next = header.ordinal() + 1;
        return next < headers.size() ? headers.get(next).start() : size;
    }
}
