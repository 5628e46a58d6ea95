package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Archives made by the real tools (gcab, arj, chmcmd) from {@link SampleFiles}, with the entries they hold. */
final class Samples {

    /** An archive and the entries it must yield, in order. */
    record Sample(byte[] bytes, Map<String, byte[]> expected) {
    }

    /** How a cabinet's folder is compressed. */
    enum CabMethod {
        NONE, MSZIP, LZX
    }

    private Samples() {
    }

    static Sample cabinet(Path directory, CabMethod method) throws IOException {
        if (method == CabMethod.LZX) {
            return lzxCabinet(directory, SampleFiles.small());
        }
        Map<String, byte[]> files = SampleFiles.large();
        SampleFiles.write(directory, files);
        List<String> command = new ArrayList<>(List.of("gcab", "-c"));
        if (method == CabMethod.MSZIP) {
            command.add("-z");
        }
        command.add("out.cab");
        command.addAll(files.keySet());
        Tools.run(directory, command.toArray(String[]::new));
        Map<String, byte[]> expected = new LinkedHashMap<>();
        files.forEach((name, bytes) -> expected.put(name.replace('/', '\\'), bytes));
        return new Sample(Files.readAllBytes(directory.resolve("out.cab")), expected);
    }

    /** {@code arj a -m<method>}; ARJ keeps the relative paths given. */
    static Sample arj(Path directory, int method, String... options) throws IOException {
        Map<String, byte[]> files = SampleFiles.large();
        SampleFiles.write(directory, files);
        List<String> command = new ArrayList<>(List.of("arj", "a", "-m" + method, "-y"));
        command.addAll(List.of(options));
        command.add("out.arj");
        command.addAll(files.keySet());
        Tools.run(directory, command.toArray(String[]::new));
        return new Sample(Files.readAllBytes(directory.resolve("out.arj")), files);
    }

    /**
     * A CHM compiled by chmcmd (Debian fp-utils), which LZX-compresses section 1 with a 64 KB window and a reset
     * every two frames. The expected entries are the sample files only; chmcmd adds its own system files.
     */
    static Sample chm(Path directory, Map<String, byte[]> files) throws IOException {
        SampleFiles.write(directory, files);
        StringBuilder project = new StringBuilder("[OPTIONS]\nCompatibility=1.1 or later\nCompiled file=out.chm\n"
                + "Title=Samples\n\n[FILES]\n");
        files.keySet().forEach(name -> project.append(name).append('\n'));
        Files.writeString(directory.resolve("project.hhp"), project, StandardCharsets.US_ASCII);
        Tools.run(directory, "chmcmd", "--no-html-scan", "project.hhp");
        Map<String, byte[]> expected = new LinkedHashMap<>();
        files.forEach((name, bytes) -> expected.put("/" + name, bytes));
        return new Sample(Files.readAllBytes(directory.resolve("out.chm")), expected);
    }

    /** Every file chmls (Debian fp-utils) extracts from a CHM, by path from the root: an independent reading. */
    static Map<String, byte[]> extractedByChmls(Path directory, Path chm) throws IOException {
        Path target = Files.createDirectories(directory.resolve("chmls-out"));
        Tools.run(directory, "chmls", "extractall", chm.toString(), target.toString());
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var paths = Files.walk(target)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                files.put("/" + target.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /**
     * An LZX cabinet, which no Debian tool writes: the LZX stream of a chmcmd CHM small enough to have no
     * reset, cut into one data block per 32 KB frame at the offsets of the CHM's reset table, with the sample
     * files at their offsets in the section. chmcmd pads the last frame to its full 32 KB, like Microsoft's
     * compiler, so every block holds a full frame.
     */
    static Sample lzxCabinet(Path directory, Map<String, byte[]> files) throws IOException {
        Sample chm = chm(directory, files);
        Content content = Content.of(chm.bytes());
        ChmDirectory listing = ChmDirectory.read(content, Integer.MAX_VALUE);
        ChmCompressedSection section = ChmCompressedSection.read(content, listing);
        if (section.length() > (long) section.resetInterval() * LzxDecoder.FRAME_SIZE) {
            throw new AssertionError("the sample's LZX stream has a reset; use fewer bytes");
        }
        long table = listing.section0() + listing.find(ChmCompressedSection.RESET_TABLE).orElseThrow().offset();
        long entries = Bytes.u32(content, table + 0xc, "table");
        int frames = (int) ((section.length() + LzxDecoder.FRAME_SIZE - 1) / LzxDecoder.FRAME_SIZE);
        CabBuilder cab = new CabBuilder().folder(CabBuilder.LZX | section.windowBits() << 8);
        for (int frame = 0; frame < frames; frame++) {
            long start = Bytes.u64(content, table + entries + 8L * frame, "table");
            long end = frame + 1 < frames ? Bytes.u64(content, table + entries + 8L * (frame + 1), "table")
                    : section.streamLength();
            byte[] payload = new byte[(int) (end - start)];
            content.read((int) (section.stream() + start), payload, 0, payload.length);
            cab.block(payload, LzxDecoder.FRAME_SIZE);
        }
        for (String name : files.keySet()) {
            ChmEntry entry = listing.files().stream().filter(file -> file.name().equals("/" + name)).findFirst()
                    .orElseThrow();
            cab.file(name, entry.length(), entry.offset(), 0);
        }
        return new Sample(cab.build(), files);
    }
}
