package com.postwarden.scan.internal.container.installer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes old-format Symbian SIS files for tests: the header, the languages, file records of every kind (files,
 * files per language, options, conditions) and their names and data after the records.
 */
final class SisWriter {
    private static final int HEADER = 100;
    private final boolean release6;
    private final boolean compressed;
    private final boolean unicode;
    private final int languages;
    private final List<Record> records = new ArrayList<>();

    /** A record's fields; a negative field refers to blob number {@code -field - 1}, placed after the records. */
    private record Record(int[] fields, List<byte[]> blobs, byte[] inline) {
    }

    SisWriter(boolean release6, boolean compressed, boolean unicode, int languages) {
        this.release6 = release6;
        this.compressed = compressed;
        this.unicode = unicode;
        this.languages = languages;
    }

    /** A file installed to {@code destination}, one copy for all languages. */
    SisWriter file(String source, String destination, byte[] data) {
        return files(0, 0, source, destination, new byte[][] {data});
    }

    /** A file with one copy per language. */
    SisWriter languageFile(String source, String destination, byte[]... copies) {
        return files(1, 0, source, destination, copies);
    }

    /** A file named only to be removed on uninstall ("null" type), with no data. */
    SisWriter nullFile(String destination) {
        return files(0, 4, "", destination, new byte[][] {new byte[0]});
    }

    SisWriter options(int count) {
        records.add(new Record(new int[] {2, count}, List.of(), new byte[count * languages * 8]));
        return this;
    }

    SisWriter condition(int type, byte[] expression) {
        records.add(new Record(new int[] {type, expression.length}, List.of(), expression));
        return this;
    }

    SisWriter marker(int type) {
        records.add(new Record(new int[] {type}, List.of(), new byte[0]));
        return this;
    }

    private SisWriter files(int type, int fileType, String source, String destination, byte[][] copies) {
        List<byte[]> blobs = new ArrayList<>();
        List<Integer> fields = new ArrayList<>(List.of(type, fileType, 0));
        byte[] sourceName = text(source);
        byte[] destinationName = text(destination);
        blobs.add(sourceName);
        blobs.add(destinationName);
        fields.addAll(List.of(sourceName.length, -1, destinationName.length, -2));
        for (byte[] copy : copies) {
            byte[] stored = compressed ? zlib(copy) : copy;
            blobs.add(stored);
            fields.add(copy.length == 0 ? 0 : stored.length);
        }
        for (int i = 0; i < copies.length; i++) {
            fields.add(-3 - i);
        }
        if (release6) {
            for (byte[] copy : copies) {
                fields.add(copy.length);
            }
        }
        records.add(new Record(fields.stream().mapToInt(Integer::intValue).toArray(), blobs, new byte[0]));
        return this;
    }

    byte[] build() {
        int recordsStart = HEADER + 2 * languages;
        int position = recordsStart;
        for (Record record : records) {
            position += 4 * record.fields().length + record.inline().length;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        for (Record record : records) {
            int[] placed = new int[record.blobs().size()];
            for (int i = 0; i < placed.length; i++) {
                placed[i] = position + after.size();
                after.writeBytes(record.blobs().get(i));
            }
            ByteBuffer fields = ByteBuffer.allocate(4 * record.fields().length).order(ByteOrder.LITTLE_ENDIAN);
            for (int field : record.fields()) {
                fields.putInt(field < 0 ? placed[-field - 1] : field);
            }
            body.writeBytes(fields.array());
            body.writeBytes(record.inline());
        }
        ByteBuffer header = ByteBuffer.allocate(recordsStart).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x10001234).putInt((int) (release6 ? SisHeader.UID_RELEASE_6 : SisHeader.UID_RELEASE_5))
                .putInt((int) SisHeader.UID_SIS).putInt(0x5a5a5a5a);
        header.putShort(16, (short) 0).putShort(18, (short) languages).putShort(20, (short) records.size())
                .putShort(28, (short) 'C').putInt(32, 200)
                .putShort(36, (short) ((unicode ? 1 : 0) | (compressed ? 0 : 8)))
                .putInt(48, HEADER).putInt(52, recordsStart);
        for (int i = 0; i < languages; i++) {
            header.putShort(HEADER + 2 * i, (short) (i + 1));
        }
        return InstallerSamples.concat(header.array(), body.toByteArray(), after.toByteArray());
    }

    private byte[] text(String text) {
        return text.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
