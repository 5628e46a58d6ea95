package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.Unpackers;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unpacks recursively the way the engine will: type by magic, unpacker from {@link Unpackers#standard()}.
 * Yields the leaves (objects nothing is extracted from) by their container path, {@code "a.tar.gz!a.tar!a.exe"}.
 */
final class Extraction {
    private static final int MAX_DEPTH = 8;
    private static final Unpackers UNPACKERS = Unpackers.standard();

    private Extraction() {
    }

    static Map<String, byte[]> leaves(String name, byte[] bytes) throws IOException {
        Map<String, byte[]> leaves = new LinkedHashMap<>();
        visit(name, name, bytes, 0, leaves);
        return leaves;
    }

    private static void visit(String path, String name, byte[] bytes, int depth, Map<String, byte[]> leaves)
            throws IOException {
        Content content = Content.of(bytes);
        Optional<Unpacker> unpacker = UNPACKERS.forType(FileTypes.detect(content));
        if (unpacker.isEmpty() || depth == MAX_DEPTH) {
            leaves.put(path, bytes);
            return;
        }
        boolean[] extracted = {false};
        unpacker.get().unpack(content, new Entries() {
            @Override
            public boolean add(String entryName, InputStream data) throws IOException {
                extracted[0] = true;
                visit(path + "!" + entryName, entryName, data.readAllBytes(), depth + 1, leaves);
                return true;
            }

            @Override
            public boolean encrypted(String entryName, String format) {
                extracted[0] = true;
                leaves.put(path + "!" + entryName + " (encrypted " + format + ")", new byte[0]);
                return true;
            }

            @Override
            public int remainingEntries() {
                return Integer.MAX_VALUE;
            }

            @Override
            public String containerName() {
                return name;
            }
        });
        if (!extracted[0]) {
            // an object its unpacker finds nothing in, such as an executable carrying nothing
            leaves.put(path, bytes);
        }
    }
}
