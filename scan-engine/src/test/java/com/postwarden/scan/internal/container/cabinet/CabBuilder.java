package com.postwarden.scan.internal.container.cabinet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes cabinets byte by byte for cases no tool makes: LZX folders from another encoder's stream, Quantum
 * folders, files spanning cabinets, lying sizes. Checksums are left 0.
 */
final class CabBuilder {
    static final int LZX = 3;
    static final int QUANTUM = 2;

    private final List<Integer> compressions = new ArrayList<>();
    private final List<List<byte[]>> payloads = new ArrayList<>();
    private final List<List<Integer>> sizes = new ArrayList<>();
    private final List<byte[]> fileRecords = new ArrayList<>();

    /** Starts a folder; {@code compression} is the typeCompress field. */
    CabBuilder folder(int compression) {
        compressions.add(compression);
        payloads.add(new ArrayList<>());
        sizes.add(new ArrayList<>());
        return this;
    }

    /** Adds a data block to the last folder. */
    CabBuilder block(byte[] payload, int uncompressedSize) {
        payloads.get(payloads.size() - 1).add(payload);
        sizes.get(sizes.size() - 1).add(uncompressedSize);
        return this;
    }

    CabBuilder file(String name, long size, long offset, int folder) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer record = little(16 + nameBytes.length + 1);
        record.putInt((int) size).putInt((int) offset).putShort((short) folder).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0x80).put(nameBytes).put((byte) 0);
        fileRecords.add(record.array());
        return this;
    }

    byte[] build() {
        int filesOffset = 36 + 8 * compressions.size();
        int dataOffset = filesOffset + fileRecords.stream().mapToInt(record -> record.length).sum();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer folders = little(8 * compressions.size());
        for (int i = 0; i < compressions.size(); i++) {
            folders.putInt(dataOffset + data.size()).putShort((short) payloads.get(i).size())
                    .putShort((short) (int) compressions.get(i));
            for (int b = 0; b < payloads.get(i).size(); b++) {
                byte[] payload = payloads.get(i).get(b);
                data.writeBytes(little(8).putInt(0).putShort((short) payload.length)
                        .putShort((short) (int) sizes.get(i).get(b)).array());
                data.writeBytes(payload);
            }
        }
        int total = dataOffset + data.size();
        ByteBuffer header = little(36);
        header.put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(total).putInt(0)
                .putInt(filesOffset).putInt(0).put((byte) 3).put((byte) 1).putShort((short) compressions.size())
                .putShort((short) fileRecords.size()).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        ByteArrayOutputStream cab = new ByteArrayOutputStream(total);
        cab.writeBytes(header.array());
        cab.writeBytes(folders.array());
        fileRecords.forEach(cab::writeBytes);
        cab.writeBytes(data.toByteArray());
        return cab.toByteArray();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
