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
    private int headerReserve;
    private int folderReserve;
    private int dataReserve;
    private String previousCabinet;
    private String nextCabinet;

    /** Reserved bytes in the header, each folder record and each data block header (flag 0x4). */
    CabBuilder reserve(int header, int folder, int data) {
        headerReserve = header;
        folderReserve = folder;
        dataReserve = data;
        return this;
    }

    /** Names the neighbouring cabinets of a set (flags 0x1 and 0x2). */
    CabBuilder neighbours(String previous, String next) {
        previousCabinet = previous;
        nextCabinet = next;
        return this;
    }

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
        ByteArrayOutputStream optional = new ByteArrayOutputStream();
        int flags = 0;
        if (headerReserve + folderReserve + dataReserve > 0) {
            flags |= 0x4;
            optional.writeBytes(little(4).putShort((short) headerReserve).put((byte) folderReserve)
                    .put((byte) dataReserve).array());
            optional.writeBytes(new byte[headerReserve]);
        }
        if (previousCabinet != null) {
            flags |= 0x1;
            optional.writeBytes(strings(previousCabinet, "disk 1"));
        }
        if (nextCabinet != null) {
            flags |= 0x2;
            optional.writeBytes(strings(nextCabinet, "disk 3"));
        }
        int folderRecord = 8 + folderReserve;
        int filesOffset = 36 + optional.size() + folderRecord * compressions.size();
        int dataOffset = filesOffset + fileRecords.stream().mapToInt(record -> record.length).sum();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer folders = little(folderRecord * compressions.size());
        for (int i = 0; i < compressions.size(); i++) {
            folders.putInt(dataOffset + data.size()).putShort((short) payloads.get(i).size())
                    .putShort((short) (int) compressions.get(i)).put(new byte[folderReserve]);
            for (int b = 0; b < payloads.get(i).size(); b++) {
                byte[] payload = payloads.get(i).get(b);
                data.writeBytes(little(8).putInt(0).putShort((short) payload.length)
                        .putShort((short) (int) sizes.get(i).get(b)).array());
                data.writeBytes(new byte[dataReserve]);
                data.writeBytes(payload);
            }
        }
        int total = dataOffset + data.size();
        ByteBuffer header = little(36);
        header.put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(total).putInt(0)
                .putInt(filesOffset).putInt(0).put((byte) 3).put((byte) 1).putShort((short) compressions.size())
                .putShort((short) fileRecords.size()).putShort((short) flags).putShort((short) 0)
                .putShort((short) 0);
        ByteArrayOutputStream cab = new ByteArrayOutputStream(total);
        cab.writeBytes(header.array());
        cab.writeBytes(optional.toByteArray());
        cab.writeBytes(folders.array());
        fileRecords.forEach(cab::writeBytes);
        cab.writeBytes(data.toByteArray());
        return cab.toByteArray();
    }

    private static byte[] strings(String cabinet, String disk) {
        return (cabinet + "\0" + disk + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
