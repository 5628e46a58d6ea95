package com.postwarden.scan.internal.container.installer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;

/** Writes the payload of an InstallShield MSI-based setup launcher, for tests: zlib, then the name-keyed XOR. */
final class InstallShieldMsiWriter {
    private static final byte[] NAME_KEY = {(byte) 0xec, (byte) 0xca, 0x79, (byte) 0xf8};
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private int count;

    InstallShieldMsiWriter add(String name, byte[] data) {
        byte[] compressed = zlib(data);
        byte[] nameBytes = name.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer record = ByteBuffer.allocate(InstallShieldMsiArchive.RECORD).order(ByteOrder.LITTLE_ENDIAN);
        record.put(nameBytes).position(InstallShieldMsiArchive.NAME_FIELD);
        record.putInt(6).putInt(0).putLong(compressed.length).putInt(0).putInt(1);
        records.writeBytes(record.array());
        records.writeBytes(obfuscate(compressed, nameBytes));
        count++;
        return this;
    }

    byte[] build() {
        ByteBuffer header = ByteBuffer.allocate(InstallShieldMsiArchive.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(count);
        return InstallerSamples.concat(InstallShieldMsiArchive.MAGIC, header.array(), records.toByteArray());
    }

    private static byte[] obfuscate(byte[] data, byte[] name) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            int keyByte = name[(i & 0x3ff) % name.length] ^ NAME_KEY[(i & 0x3ff) % name.length & 3];
            int mixed = (data[i] ^ keyByte) & 0xff;
            out[i] = (byte) (mixed >>> 4 | mixed << 4);
        }
        return out;
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
