package com.postwarden.scan.internal.container.installer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Undoes InstallShield's obfuscation of a file in its MSI-based setup launcher: every byte has its nibbles
 * swapped, then is XORed with the key (the file name XORed with {@code EC CA 79 F8}), the key position restarting
 * every 1024 bytes.
 */
final class InstallShieldMsiDecodingStream extends FilterInputStream {
    private static final byte[] NAME_KEY = {(byte) 0xec, (byte) 0xca, 0x79, (byte) 0xf8};
    private static final int KEY_PERIOD = 0x400;
    private final byte[] key;
    private long position;

    /** @param name the file's stored name (its bytes up to the NUL), not empty */
    InstallShieldMsiDecodingStream(InputStream in, byte[] name) {
        super(in);
        key = new byte[name.length];
        for (int i = 0; i < name.length; i++) {
            key[i] = (byte) (name[i] ^ NAME_KEY[i & 3]);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        return b < 0 ? b : decode(b) & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = in.read(target, offset, length);
        for (int i = 0; i < n; i++) {
            target[offset + i] = decode(target[offset + i] & 0xff);
        }
        return n;
    }

    private byte decode(int b) {
        int swapped = (b >>> 4 | b << 4) & 0xff;
        return (byte) (swapped ^ key[(int) ((position++ & (KEY_PERIOD - 1)) % key.length)]);
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
