package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.internal.container.document.OvbaCompression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;

/**
 * Writes a VBA project storage (MS-OVBA 2.2: {@code PROJECT}, {@code VBA/dir}, {@code VBA/_VBA_PROJECT} and one
 * stream per module, each module's source MS-OVBA-compressed after some stand-in p-code) the way Office lays it out;
 * nothing in Debian or POI writes one.
 */
final class VbaProjectWriter {
    private static final byte[] PCODE = "compiled p-code stands here".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, String> modules = new LinkedHashMap<>();

    /** Adds a module; {@code source} is its text without the {@code Attribute VB_Name} line. */
    VbaProjectWriter module(String name, String source) {
        modules.put(name, "Attribute VB_Name = \"" + name + "\"\r\n" + source.replace("\n", "\r\n"));
        return this;
    }

    /** Writes the project into {@code parent}: {@code parent/PROJECT}, {@code parent/VBA/...}. */
    void writeTo(DirectoryEntry parent) throws IOException {
        StringBuilder project = new StringBuilder("ID=\"{00000000-0000-0000-0000-000000000000}\"\r\n");
        modules.keySet().forEach(name -> project.append("Module=").append(name).append("\r\n"));
        parent.createDocument("PROJECT", new ByteArrayInputStream(project.toString().getBytes(StandardCharsets.US_ASCII)));
        DirectoryEntry vba = parent.createDirectory("VBA");
        vba.createDocument("_VBA_PROJECT", new ByteArrayInputStream(new byte[] {(byte) 0xcc, 0x61, (byte) 0xff, (byte) 0xff, 0, 0, 0}));
        vba.createDocument("dir", new ByteArrayInputStream(OvbaCompression.compress(dirStream())));
        for (Map.Entry<String, String> module : modules.entrySet()) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.writeBytes(PCODE);
            stream.writeBytes(OvbaCompression.compress(module.getValue().getBytes(StandardCharsets.ISO_8859_1)));
            vba.createDocument(module.getKey(), new ByteArrayInputStream(stream.toByteArray()));
        }
    }

    private byte[] dirStream() {
        Records dir = new Records();
        dir.value(0x0001, 1, 4).value(0x0002, 0x409, 4).value(0x0014, 0x409, 4).value(0x0003, 1252, 2)
                .text(0x0004, "VBAProject").text(0x0005, "").text(0x0040, "").text(0x0006, "").text(0x003D, "")
                .value(0x0007, 0, 4).value(0x0008, 0, 4);
        dir.u16(0x0009).u32(4).u32(1).u16(0); // PROJECTVERSION: its size says 4, six bytes follow
        dir.text(0x000C, "").text(0x003C, "").value(0x000F, modules.size(), 2).value(0x0013, 0xffff, 2);
        for (String name : modules.keySet()) {
            dir.text(0x0019, name).utf16(0x0047, name).text(0x001A, name).utf16(0x0032, name)
                    .text(0x001C, "").text(0x0048, "").value(0x0031, PCODE.length, 4).value(0x001E, 0, 4)
                    .value(0x0021, 0, 0).value(0x002B, 0, 0);
        }
        dir.value(0x0010, 0, 0);
        return dir.out.toByteArray();
    }

    /** dir stream records: id, size, data (MS-OVBA 2.3.4.2). */
    private static final class Records {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Records value(int id, long value, int size) {
            u16(id).u32(size);
            for (int i = 0; i < size; i++) {
                out.write((int) (value >> 8 * i));
            }
            return this;
        }

        Records text(int id, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            u16(id).u32(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Records utf16(int id, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
            u16(id).u32(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Records u16(int value) {
            out.write(value);
            out.write(value >> 8);
            return this;
        }

        Records u32(long value) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (value >> 8 * i));
            }
            return this;
        }
    }
}
