package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files older (non-MSI) InstallShield setup launchers append to themselves, read from the start of the
 * overlay: per file four NUL-terminated strings (name, path such as {@code Disk1\setup.exe}, version, size in
 * decimal) and the file's bytes, stored as they are. ClamAV tries this on every executable's overlay; so does
 * the PE unpacker. Records are believed only while every string is printable and every size fits.
 */
final class InstallShieldOverlay {
    private static final int MAX_STRING = 2048;
    private static final int MAX_SIZE_DIGITS = 10;

    /**
     * One stored file: its entry name (the path when there is one), its bare file name, where its bytes start
     * and how many there are.
     */
    record StoredFile(String name, String fileName, long offset, long length) {
        long end() {
            return offset + length;
        }
    }

    private InstallShieldOverlay() {
    }

    /** The files stored from {@code start} on, up to the first record that does not parse; often none. */
    static List<StoredFile> read(Content content, long start) {
        List<StoredFile> files = new ArrayList<>();
        long position = start;
        while (true) {
            String[] strings = new String[4];
            long at = position;
            for (int i = 0; i < strings.length; i++) {
                byte[] bytes = ContentBytes.cString(content, at, MAX_STRING);
                if (bytes == null || !isPrintable(bytes)) {
                    return files;
                }
                strings[i] = new String(bytes, StandardCharsets.ISO_8859_1);
                at += bytes.length + 1;
            }
            long size = decimal(strings[3]);
            if (strings[0].isEmpty() || size < 0 || !ContentBytes.has(content, at, size)) {
                return files;
            }
            files.add(new StoredFile(strings[1].isEmpty() ? strings[0] : strings[1], strings[0], at, size));
            position = at + size;
        }
    }

    private static boolean isPrintable(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0xff) < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static long decimal(String text) {
        if (text.isEmpty() || text.length() > MAX_SIZE_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
