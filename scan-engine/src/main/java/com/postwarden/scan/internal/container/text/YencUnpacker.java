package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes yEnc-encoded files (yEnc 1.3, as Usenet binaries and some mail carry them): single-part
 * ({@code =ybegin ... =yend}) and multi-part ({@code =ybegin part=}, {@code =ypart begin= end=}) blocks. The parts
 * of one file present in the text are joined in {@code begin=} order and handed over as one file under the
 * {@code name=} of its header. ClamAV does not decode yEnc; Postwarden does, since it hides executables as well as
 * any other encoding.
 *
 * <p>After handing a file over, damage is reported with {@link IOException}: a part without {@code =yend}, a
 * CRC-32 or size that does not match, or missing parts of a multi-part file.
 *
 * <p>Hand-written: no Java library decodes yEnc; the format is a byte offset and an escape character.
 */
public final class YencUnpacker implements Unpacker {
    private static final Pattern NAME = Pattern.compile("\\bname=(.*)$");
    private static final Pattern NUMBER = Pattern.compile("\\b(size|part|total|begin|end|crc32|pcrc32)=([0-9a-fA-F]+)");
    private static final int MAX_HEADER = 1024;

    /** One part: where its data starts, its byte range in the file (1-based, inclusive) and its header values. */
    private record Part(String name, int dataStart, long begin, long end, long size, Map<String, String> values) {
    }

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        Map<String, List<Part>> files = new LinkedHashMap<>();
        for (int at = Lines.findLineStart(bytes, 0, "=ybegin ", false); at >= 0;
             at = Lines.findLineStart(bytes, at, "=ybegin ", false)) {
            int end = Lines.end(bytes, at);
            String header = Lines.text(bytes, at, end, MAX_HEADER);
            Map<String, String> values = values(header);
            Matcher name = NAME.matcher(header);
            String fileName = name.find() ? name.group(1).strip() : "yenc-" + (files.size() + 1);
            int dataStart = Lines.next(bytes, end);
            long size = number(values.get("size"), -1);
            long begin = 1;
            long partEnd = size;
            if (values.containsKey("part") && Lines.startsWith(bytes, dataStart, "=ypart ", false)) {
                int partLineEnd = Lines.end(bytes, dataStart);
                Map<String, String> part = values(Lines.text(bytes, dataStart, partLineEnd, MAX_HEADER));
                begin = number(part.get("begin"), 1);
                partEnd = number(part.get("end"), -1);
                dataStart = Lines.next(bytes, partLineEnd);
            }
            files.computeIfAbsent(fileName, k -> new ArrayList<>())
                    .add(new Part(fileName, dataStart, begin, partEnd, size, values));
            at = dataStart;
        }
        for (List<Part> parts : files.values()) {
            if (!handOver(bytes, parts, entries)) {
                return;
            }
        }
    }

    private static boolean handOver(ByteBuffer bytes, List<Part> parts, Entries entries) throws IOException {
        parts.sort(Comparator.comparingLong(Part::begin));
        List<YencDecodingStream> streams = new ArrayList<>();
        for (Part part : parts) {
            streams.add(new YencDecodingStream(bytes, part.dataStart()));
        }
        String name = parts.get(0).name();
        try (InputStream joined = new SequenceInputStream(Collections.enumeration(new ArrayList<InputStream>(streams)))) {
            if (!entries.add(name, joined)) {
                return false;
            }
            joined.transferTo(OutputStream.nullOutputStream());
        }
        check(bytes, name, parts, streams);
        return true;
    }

    private static void check(ByteBuffer bytes, String name, List<Part> parts, List<YencDecodingStream> streams)
            throws IOException {
        long expectedBegin = 1;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            YencDecodingStream stream = streams.get(i);
            if (stream.yend() < 0) {
                throw new IOException("yEnc " + name + " ends without =yend");
            }
            if (part.begin() != expectedBegin) {
                throw new IOException("yEnc " + name + " lacks bytes " + expectedBegin + "-" + (part.begin() - 1));
            }
            Map<String, String> trailer = values(Lines.text(bytes, stream.yend(), Lines.end(bytes, stream.yend()),
                    MAX_HEADER));
            String crcKey = part.values().containsKey("part") ? "pcrc32" : "crc32";
            if (trailer.containsKey(crcKey) && number16(trailer.get(crcKey)) != stream.crc()) {
                throw new IOException("yEnc " + name + " part " + (i + 1) + " fails its CRC-32 check");
            }
            long partSize = part.end() >= part.begin() ? part.end() - part.begin() + 1 : part.size();
            if (partSize >= 0 && stream.decoded() != partSize) {
                throw new IOException("yEnc " + name + " part " + (i + 1) + " has " + stream.decoded()
                        + " bytes, its header says " + partSize);
            }
            expectedBegin = part.begin() + stream.decoded();
        }
        long size = parts.get(0).size();
        if (size >= 0 && expectedBegin - 1 != size) {
            throw new IOException("yEnc " + name + " has " + (expectedBegin - 1) + " of " + size + " bytes");
        }
    }

    private static Map<String, String> values(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        int nameAt = line.indexOf(" name=");
        Matcher matcher = NUMBER.matcher(nameAt >= 0 ? line.substring(0, nameAt) : line);
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        return values;
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long number16(String value) {
        try {
            return Long.parseLong(value, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
