package com.postwarden.scan.internal.container.installer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes compiled AutoIt script payloads (EA05 or EA06) the way AutoIt lays them out, for tests: records of
 * encrypted tags, names and data, the data optionally compressed with AutoIt's LZSS (greedy matching).
 */
final class AutoItWriter {
    private static final int WINDOW = (1 << 15) - 1;
    private static final int MIN_MATCH = 3;
    private final AutoItVersion version;
    private final byte[] key = new byte[16];
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();

    AutoItWriter(AutoItVersion version) {
        this.version = version;
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
    }

    /** Adds a record: {@code tag} is the script marker or the FileInstall source, {@code name} the file name. */
    AutoItWriter add(String tag, String name, byte[] data, boolean compress) {
        byte[] stored = compress ? compress(data, version) : data;
        ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        records.writeBytes(header.putInt(0, (int) version.fileMagic()).array());
        writeString(tag, version.tagKey(), version.tagSeed());
        writeString(name, version.nameKey(), version.nameSeed());
        ByteBuffer sizes = ByteBuffer.allocate(13 + 16).order(ByteOrder.LITTLE_ENDIAN);
        sizes.put((byte) (compress ? 1 : 0)).putInt(stored.length ^ version.sizeKey())
                .putInt(data.length ^ version.sizeKey()).putInt(0x12345678);
        records.writeBytes(sizes.array());
        records.writeBytes(encrypt(stored, dataSeed()));
        return this;
    }

    /** Adds a record whose raw stored bytes are given as they are, encrypted only. */
    AutoItWriter addRaw(String tag, String name, byte[] stored, boolean compressedFlag, int declaredSize) {
        ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        records.writeBytes(header.putInt(0, (int) version.fileMagic()).array());
        writeString(tag, version.tagKey(), version.tagSeed());
        writeString(name, version.nameKey(), version.nameSeed());
        ByteBuffer sizes = ByteBuffer.allocate(13 + 16).order(ByteOrder.LITTLE_ENDIAN);
        sizes.put((byte) (compressedFlag ? 1 : 0)).putInt(stored.length ^ version.sizeKey())
                .putInt(declaredSize ^ version.sizeKey()).putInt(0);
        records.writeBytes(sizes.array());
        records.writeBytes(encrypt(stored, dataSeed()));
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AutoItArchive.MAGIC);
        out.write(version == AutoItVersion.EA05 ? '5' : '6');
        out.writeBytes(key);
        out.writeBytes(records.toByteArray());
        out.writeBytes(("AU3!" + version.name()).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private long dataSeed() {
        long seed = version.dataSeed();
        if (version == AutoItVersion.EA05) {
            for (byte b : key) {
                seed += b & 0xff;
            }
        }
        return seed;
    }

    private void writeString(String text, int lengthKey, int seed) {
        byte[] bytes = text.getBytes(version == AutoItVersion.EA06 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        int characters = text.length();
        records.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(characters ^ lengthKey).array());
        records.writeBytes(encrypt(bytes, characters + (long) seed));
    }

    private byte[] encrypt(byte[] plain, long seed) {
        AutoItKeyStream keys = version.keyStream(seed);
        byte[] out = plain.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= (byte) keys.next();
        }
        return out;
    }

    /** AutoIt's compression: the EA0x marker, the big-endian size, then literals and back-references. */
    static byte[] compress(byte[] data, AutoItVersion version) {
        Bits bits = new Bits();
        int literal = version.matchOnSetBit() ? 0 : 1;
        Map<Integer, Integer> lastSeen = new HashMap<>();
        int i = 0;
        while (i < data.length) {
            int length = 0;
            int distance = 0;
            if (i + MIN_MATCH <= data.length) {
                Integer candidate = lastSeen.get(key3(data, i));
                if (candidate != null && i - candidate <= WINDOW) {
                    while (i + length < data.length && data[candidate + length] == data[i + length]) {
                        length++;
                    }
                    distance = i - candidate;
                }
                lastSeen.put(key3(data, i), i);
            }
            if (length >= MIN_MATCH) {
                bits.put(1 - literal, 1);
                bits.put(distance, 15);
                putLength(bits, length - MIN_MATCH);
                for (int j = 1; j < length; j++) {
                    if (i + j + MIN_MATCH <= data.length) {
                        lastSeen.put(key3(data, i + j), i + j);
                    }
                }
                i += length;
            } else {
                bits.put(literal, 1);
                bits.put(data[i] & 0xff, 8);
                i++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(version.name().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(bits.toByteArray());
        return out.toByteArray();
    }

    private static void putLength(Bits bits, int extra) {
        if (extra < 3) {
            bits.put(extra, 2);
            return;
        }
        bits.put(3, 2);
        extra -= 3;
        if (extra < 7) {
            bits.put(extra, 3);
            return;
        }
        bits.put(7, 3);
        extra -= 7;
        if (extra < 31) {
            bits.put(extra, 5);
            return;
        }
        bits.put(31, 5);
        extra -= 31;
        if (extra < 255) {
            bits.put(extra, 8);
            return;
        }
        bits.put(255, 8);
        extra -= 255;
        while (extra >= 255) {
            bits.put(255, 8);
            extra -= 255;
        }
        bits.put(extra, 8);
    }

    private static int key3(byte[] data, int at) {
        return (data[at] & 0xff) << 16 | (data[at + 1] & 0xff) << 8 | data[at + 2] & 0xff;
    }

    /** Bits most significant first, packed into 16-bit big-endian words. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int word;
        private int used;

        Bits put(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                word = word << 1 | value >>> i & 1;
                if (++used == 16) {
                    out.write(word >>> 8);
                    out.write(word & 0xff);
                    word = 0;
                    used = 0;
                }
            }
            return this;
        }

        byte[] toByteArray() {
            if (used > 0) {
                put(0, 16 - used);
            }
            return out.toByteArray();
        }
    }
}
