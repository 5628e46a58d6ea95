package com.postwarden.scan.internal.container.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.ExternalTool;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Samples for the installer tests: real Windows binaries and NSIS installers from Debian's nsis and nsis-common
 * packages (makensis builds installers here), ClamAV's clam.exe, and helpers to put them together.
 */
final class InstallerSamples {
    /** Where Debian's nsis-common keeps NSIS's own Windows binaries: plug-in DLLs, installer stubs, UIs. */
    static final Path NSIS_SHARE = Path.of("/usr/share/nsis");
    /** The executable head NSIS puts in front of every zlib installer: a real PE with nothing inside. */
    static final Path PE_STUB = NSIS_SHARE.resolve("Stubs/zlib-x86-unicode");

    private InstallerSamples() {
    }

    static byte[] clamExe() {
        return RecursiveUnpacking.clamAvTestFile("clam.exe");
    }

    static byte[] peStub() {
        return read(PE_STUB, "nsis-common");
    }

    /** Every Windows binary nsis-common ships: DLLs, the installer stubs, the UI resources, the registry tool. */
    static List<Path> windowsBinaries() {
        assertThat(NSIS_SHARE).as("NSIS binaries: install Debian package nsis-common").isDirectory();
        try (Stream<Path> files = Files.walk(NSIS_SHARE)) {
            return files.filter(Files::isRegularFile).filter(InstallerSamples::startsWithMz).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWithMz(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'M' && head[1] == 'Z';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file, String debianPackage) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " missing: install Debian package " + debianPackage, e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Text that compresses like real files do, {@code length} bytes, the same for the same seed. */
    static byte[] text(int length, long seed) {
        String[] words = {"install", "setup", "file", "program", "windows", "data", "the", "of", "and", "version",
            "registry", "shortcut", "uninstall", "component", "license"};
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(7) == 0 ? ".\n" : " ");
            if (random.nextInt(50) == 0) {
                text.append(random.nextLong()).append(' ');
            }
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** Random bytes, incompressible. */
    static byte[] noise(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Builds an NSIS installer with makensis (Debian package nsis) that installs {@code files} in order.
     *
     * @param compressor zlib, bzip2 or lzma
     */
    static byte[] nsisInstaller(Path directory, String compressor, boolean solid, Map<String, byte[]> files) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        script.append("Unicode true\n")
                .append("SetCompressor ").append(solid ? "/SOLID " : "").append(compressor).append('\n')
                .append("OutFile \"setup.exe\"\nInstallDir \"$TEMP\\sample\"\nRequestExecutionLevel user\n")
                .append("Section\nSetOutPath \"$INSTDIR\"\n");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(directory.resolve(file.getKey()), file.getValue());
            script.append("File \"").append(file.getKey()).append("\"\n");
        }
        script.append("SectionEnd\n");
        Files.writeString(directory.resolve("setup.nsi"), script, StandardCharsets.US_ASCII);
        ExternalTool.run(directory, "makensis", "-V1", "setup.nsi");
        return Files.readAllBytes(directory.resolve("setup.exe"));
    }

    /** What {@code unpacker} hands over from {@code bytes}, by name in order; it must not fail. */
    static Map<String, byte[]> entries(com.postwarden.scan.internal.container.Unpacker unpacker, byte[] bytes)
            throws IOException {
        RecordingEntries entries = new RecordingEntries();
        unpacker.unpack(Content.of(bytes), entries);
        return entries.entries();
    }

    /** The one entry the PE unpacker hands over from {@code executable} whose name starts with {@code prefix}. */
    static byte[] carved(byte[] executable, String prefix) throws IOException {
        Map<String, byte[]> carved = new LinkedHashMap<>(entries(new PeUnpacker(), executable));
        carved.keySet().removeIf(name -> !name.startsWith(prefix));
        assertThat(carved).as("entries named " + prefix + "...").hasSize(1);
        return carved.values().iterator().next();
    }
}
