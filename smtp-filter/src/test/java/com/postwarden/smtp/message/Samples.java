package com.postwarden.smtp.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files whose type is recognisable by their first bytes. */
final class Samples {
    private Samples() {
    }

    static byte[] pdf() {
        return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] zip() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("invoice.txt"));
            zip.write("pay now".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The start of a Windows PE executable: DOS header pointing at a PE header at 0x80. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        exe[0x84] = 0x4c; // machine: i386
        exe[0x85] = 0x01;
        return exe;
    }

    /** The start of a 64-bit little-endian Linux ELF executable. */
    static byte[] linuxExecutable() {
        byte[] elf = new byte[128];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2; // 64-bit
        elf[5] = 1; // little-endian
        elf[6] = 1; // version
        elf[16] = 2; // ET_EXEC
        elf[18] = 0x3e; // x86-64
        return elf;
    }

    /** A CD image: its signature sits at offset 32769, beyond a small head buffer. */
    static byte[] isoImage() {
        byte[] iso = new byte[40 * 1024];
        iso[0x8000] = 1;
        System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, iso, 0x8001, 5);
        iso[0x8006] = 1;
        return iso;
    }
}
