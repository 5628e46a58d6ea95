package com.postwarden.smtp.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts, hashes and keeps the first {@code limit} bytes written to it. Thread-safe. */
final class Recorder extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final MessageDigest digest;
    private final byte[] pending = new byte[8192];
    private int pendingLength;
    private long size;

    Recorder(int limit) {
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void write(int b) {
        if (pendingLength == pending.length) {
            drain();
        }
        pending[pendingLength++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        drain();
        take(bytes, offset, length);
    }

    synchronized long size() {
        return size + pendingLength;
    }

    synchronized byte[] kept() {
        drain();
        return kept.toByteArray();
    }

    /** The hex SHA-256 of everything written; call once, at the end. */
    synchronized String sha256() {
        drain();
        return HexFormat.of().formatHex(digest.digest());
    }

    private void drain() {
        take(pending, 0, pendingLength);
        pendingLength = 0;
    }

    private void take(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        int room = (int) Math.max(0, Math.min(length, limit - (long) kept.size()));
        kept.write(bytes, offset, room);
        size += length;
    }
}
