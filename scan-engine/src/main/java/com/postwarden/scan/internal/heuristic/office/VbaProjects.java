package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.internal.container.document.VbaDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.util.RLEDecompressingInputStream;

/**
 * The source text of every VBA module in a compound file: each storage holding a {@code dir} and a
 * {@code _VBA_PROJECT} stream is a project (MS-OVBA 2.2), its module list is read with {@link VbaDirectory} and each
 * module's compressed source (MS-OVBA 2.4.1) is decompressed by POI's {@code RLEDecompressingInputStream}, cut at
 * {@link #MAX_MODULE_BYTES}. A damaged module is left out; the others still count.
 */
final class VbaProjects {
    /** Source bytes kept per module; macros longer than this are obfuscation padding, and the start is kept. */
    static final int MAX_MODULE_BYTES = 1 << 20;
    /** Source bytes kept over all modules of a file. */
    static final int MAX_TOTAL_BYTES = 8 << 20;
    /** Modules read per file. */
    static final int MAX_MODULES = 512;

    private VbaProjects() {
    }

    /** The module sources of every VBA project in {@code file}, in storage order; empty when it holds none. */
    static List<String> sources(CompoundFile file) {
        List<String> sources = new ArrayList<>();
        long[] budget = {MAX_TOTAL_BYTES};
        for (DirectoryNode storage : file.storages()) {
            Optional<DocumentEntry> dir = CompoundFile.stream(storage, "dir");
            if (dir.isPresent() && CompoundFile.stream(storage, "_VBA_PROJECT").isPresent()) {
                project(storage, dir.get(), sources, budget);
            }
        }
        return sources;
    }

    private static void project(DirectoryNode storage, DocumentEntry dirStream, List<String> sources, long[] budget) {
        List<VbaDirectory.Module> modules;
        try (InputStream dir = new RLEDecompressingInputStream(CompoundFile.open(dirStream))) {
            modules = VbaDirectory.read(dir);
        } catch (IOException | RuntimeException e) {
            return; // a damaged module list: no module can be found
        }
        for (VbaDirectory.Module module : modules) {
            if (sources.size() == MAX_MODULES || budget[0] <= 0) {
                return;
            }
            Optional<DocumentEntry> stream = CompoundFile.stream(storage, module.streamName());
            if (stream.isPresent() && module.offset() <= stream.get().getSize()) {
                source(stream.get(), module.offset(), (int) Math.min(MAX_MODULE_BYTES, budget[0]))
                        .ifPresent(text -> {
                            sources.add(text);
                            budget[0] -= text.length();
                        });
            }
        }
    }

    private static Optional<String> source(DocumentEntry stream, long offset, int cap) {
        try (InputStream raw = CompoundFile.open(stream)) {
            raw.skipNBytes(offset);
            try (InputStream in = new RLEDecompressingInputStream(raw)) {
                // VBA keywords and identifiers that matter here are ASCII in every code page
                return Optional.of(new String(readUpTo(in, cap), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads up to {@code cap} bytes, keeping what was decoded before damage. */
    private static byte[] readUpTo(InputStream in, int cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (out.size() < cap && (n = in.read(buffer, 0, Math.min(buffer.length, cap - out.size()))) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // damage after the first chunks: the decoded start still tells what the macro does
        }
        return out.toByteArray();
    }
}
