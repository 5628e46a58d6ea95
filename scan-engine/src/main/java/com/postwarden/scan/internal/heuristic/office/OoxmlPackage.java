package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentChannel;
import com.postwarden.scan.internal.content.LimitedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * An Office Open XML package (a zip with {@code [Content_Types].xml}) read through its central directory, so only the
 * few parts a heuristic asks for are inflated, each through a cap: a zip bomb costs at most {@code cap} bytes of
 * inflation per part. Not thread-safe; one per examination.
 */
final class OoxmlPackage implements Closeable {
    /** Central directory entries looked at; real documents have a few hundred parts. */
    static final int MAX_LISTED_PARTS = 10_000;
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    private final ZipFile zip;
    private final List<String> names;

    private OoxmlPackage(ZipFile zip, List<String> names) {
        this.zip = zip;
        this.names = names;
    }

    /** The package in {@code content}; empty when it is no zip, a damaged one, or a zip that is no OOXML package. */
    static Optional<OoxmlPackage> open(Content content) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new ContentChannel(content)).get();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        boolean ooxml = false;
        for (Enumeration<ZipArchiveEntry> it = zip.getEntries(); it.hasMoreElements()
                && names.size() < MAX_LISTED_PARTS; ) {
            ZipArchiveEntry entry = it.nextElement();
            if (!entry.isDirectory()) {
                names.add(entry.getName());
                ooxml |= CONTENT_TYPES.equals(entry.getName());
            }
        }
        if (!ooxml) {
            ZipFile.closeQuietly(zip);
            return Optional.empty();
        }
        return Optional.of(new OoxmlPackage(zip, Collections.unmodifiableList(names)));
    }

    /** The part names, in central directory order. */
    List<String> names() {
        return names;
    }

    /**
     * The first {@code cap} inflated bytes of part {@code name}; the stream ends there, which an XML parser reads
     * as damage. Empty when the part is missing or cannot be inflated (encrypted, unsupported method).
     */
    Optional<InputStream> open(String name, long cap) {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null || !zip.canReadEntryData(entry)) {
            return Optional.empty();
        }
        try {
            InputStream in = zip.getInputStream(entry);
            return Optional.of(new FilterInputStream(new LimitedInputStream(in, cap)) {
                @Override
                public void close() throws IOException {
                    in.close();
                }
            });
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Part {@code name} whole when it inflates to at most {@code cap} bytes; empty when larger, missing or damaged. */
    Optional<byte[]> read(String name, int cap) {
        Optional<InputStream> in = open(name, cap + 1L);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream part = in.get()) {
            byte[] bytes = part.readNBytes(cap + 1);
            return bytes.length > cap ? Optional.empty() : Optional.of(bytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
