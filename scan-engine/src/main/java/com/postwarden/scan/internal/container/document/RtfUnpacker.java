package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.LimitedInputStream;
import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extracts the embedded objects of an RTF document: each {@code \objdata} destination ({@link RtfObjectData})
 * holds an OLE1 object (MS-OLEDS 2.2.4: version, format, class name, topic, item, native data size, native data).
 * The native data of an embedded object is handed over, named {@code <class>-N} (usually an OLE2 compound file
 * the engine opens in turn); a {@code Package} object is unwrapped to the file it packages, under its original
 * name. Data that is no OLE1 object (malicious files corrupt the header so that careful parsers give up) is
 * handed over whole as {@code objdata-N}. Raw {@code \binN} blocks outside object data are handed over as
 * {@code bin-N}.
 *
 * <p>Hand-written: no Java library reads RTF object data (Swing's RTF kit and POI's HWPF do not), and the RTF
 * syntax needed here is only groups, control words and hex.
 */
public final class RtfUnpacker implements Unpacker {
    private static final byte[] OBJDATA = "\\objdata".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BIN = "\\bin".getBytes(StandardCharsets.US_ASCII);
    private static final long EMBEDDED = 2;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        List<int[]> objectRanges = new ArrayList<>();
        int count = 0;
        int from = 0;
        while (true) {
            int at = Bytes.indexOf(bytes, OBJDATA, from, bytes.limit());
            if (at < 0) {
                break;
            }
            int start = at + OBJDATA.length;
            if (start < bytes.limit() && Character.isLetterOrDigit(bytes.get(start))) {
                from = start;
                continue;
            }
            count++;
            RtfObjectData data = new RtfObjectData(bytes, start);
            if (!objectData(bytes, start, data, count, entries)) {
                return;
            }
            drain(data);
            if (data.truncated()) {
                throw new IOException("RTF ends inside \\objdata " + count);
            }
            from = data.position();
            objectRanges.add(new int[] {start, from});
        }
        binaryBlocks(container, bytes, objectRanges, entries);
    }

    private static boolean objectData(ByteBuffer bytes, int start, RtfObjectData data, int count, Entries entries)
            throws IOException {
        Optional<String> className = ole1Header(data);
        if (className.isPresent()) {
            long nativeSize = PackagedFile.readU32(data);
            if ("Package".equals(className.get())) {
                Optional<PackagedFile.Header> file = PackagedFile.read(data, nativeSize);
                if (file.isPresent()) {
                    return entries.add(file.get().name(), new LimitedInputStream(data, file.get().dataSize()));
                }
            } else {
                return entries.add(PackagedFile.baseName(className.get()) + "-" + count,
                        new LimitedInputStream(data, nativeSize));
            }
        }
        return entries.add("objdata-" + count, new RtfObjectData(bytes, start));
    }

    /** The class name of an embedded OLE1 object, or empty when the data does not start with one. */
    private static Optional<String> ole1Header(InputStream data) throws IOException {
        try {
            PackagedFile.readU32(data); // OLEVersion, any value
            if (PackagedFile.readU32(data) != EMBEDDED) {
                return Optional.empty();
            }
            String className = lengthPrefixed(data);
            if (className == null || lengthPrefixed(data) == null || lengthPrefixed(data) == null) {
                return Optional.empty();
            }
            return Optional.of(className);
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    private static String lengthPrefixed(InputStream data) throws IOException {
        long length = PackagedFile.readU32(data);
        if (length > PackagedFile.MAX_NAME) {
            return null;
        }
        byte[] text = data.readNBytes((int) length);
        if (text.length < length) {
            throw new EOFException("OLE1 header ends early");
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static void binaryBlocks(Content container, ByteBuffer bytes, List<int[]> objectRanges,
                                     Entries entries) throws IOException {
        int count = 0;
        for (int at = Bytes.indexOf(bytes, BIN, 0, bytes.limit()); at >= 0;
             at = Bytes.indexOf(bytes, BIN, at + BIN.length, bytes.limit())) {
            int i = at + BIN.length;
            long length = 0;
            int digits = 0;
            while (i < bytes.limit() && bytes.get(i) >= '0' && bytes.get(i) <= '9' && digits < 10) {
                length = length * 10 + bytes.get(i++) - '0';
                digits++;
            }
            if (digits == 0 || i < bytes.limit() && Character.isLetter(bytes.get(i))) {
                continue;
            }
            if (i < bytes.limit() && bytes.get(i) == ' ') {
                i++;
            }
            long available = bytes.limit() - (long) i;
            if (length == 0 || inside(objectRanges, at)) {
                continue;
            }
            count++;
            InputStream in = container.newStream();
            in.skipNBytes(i);
            if (!entries.add("bin-" + count, new LimitedInputStream(in, Math.min(length, available)))) {
                return;
            }
            if (length > available) {
                throw new IOException("RTF ends inside \\bin block " + count);
            }
            at = (int) (i + length - BIN.length);
        }
    }

    /** Whether {@code at} lies inside object data, which already carried its {@code \bin} bytes. */
    private static boolean inside(List<int[]> ranges, int at) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int[] range = ranges.get(mid);
            if (at < range[0]) {
                high = mid - 1;
            } else if (at >= range[1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static void drain(RtfObjectData data) {
        while (data.read() >= 0) {
            // reads to the end of the group, so scanning goes on after it
        }
    }
}
