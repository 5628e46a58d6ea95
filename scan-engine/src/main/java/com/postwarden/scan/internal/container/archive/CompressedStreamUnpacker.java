package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2Utils;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipUtils;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.lzma.LZMAUtils;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZUtils;

/**
 * A compressed file (gzip, bzip2, xz, lzma alone): one entry, streamed through the decoder. The entry is named
 * after the original file name when the format stores one (gzip's {@code FNAME}), else after the container
 * without its suffix, else {@code "data"}. Concatenated members (multi-member gzip, several xz or bzip2 streams)
 * make one entry, as the command-line tools do.
 */
final class CompressedStreamUnpacker implements Unpacker {

    /** Opens the decoder over the raw bytes, reading the format's header. */
    @FunctionalInterface
    interface Decoder {
        Decoded open(InputStream raw) throws IOException;
    }

    /** A decoding stream and the original name its header stores, if any. */
    record Decoded(InputStream data, Optional<String> storedName) {
    }

    private final String format;
    private final Decoder decoder;
    private final Predicate<String> hasSuffix;
    private final UnaryOperator<String> stripSuffix;

    private CompressedStreamUnpacker(String format, Decoder decoder, Predicate<String> hasSuffix,
                                     UnaryOperator<String> stripSuffix) {
        this.format = format;
        this.decoder = decoder;
        this.hasSuffix = hasSuffix;
        this.stripSuffix = stripSuffix;
    }

    static CompressedStreamUnpacker gzip() {
        return new CompressedStreamUnpacker("gzip", raw -> {
            GzipCompressorInputStream in = GzipCompressorInputStream.builder()
                    .setInputStream(raw).setDecompressConcatenated(true).get();
            return new Decoded(in, Optional.ofNullable(in.getMetaData().getFileName()).filter(n -> !n.isBlank()));
        }, GzipUtils::isCompressedFileName, GzipUtils::getUncompressedFileName);
    }

    static CompressedStreamUnpacker bzip2() {
        return new CompressedStreamUnpacker("bzip2",
                raw -> new Decoded(new BZip2CompressorInputStream(raw, true), Optional.empty()),
                BZip2Utils::isCompressedFileName, BZip2Utils::getUncompressedFileName);
    }

    static CompressedStreamUnpacker xz() {
        return new CompressedStreamUnpacker("xz", raw -> new Decoded(XZCompressorInputStream.builder()
                .setInputStream(raw).setDecompressConcatenated(true)
                .setMemoryLimitKiB(DecoderLimits.MAX_MEMORY_KIB).get(), Optional.empty()),
                XZUtils::isCompressedFileName, XZUtils::getUncompressedFileName);
    }

    static CompressedStreamUnpacker lzma() {
        return new CompressedStreamUnpacker("lzma", raw -> new Decoded(LZMACompressorInputStream.builder()
                .setInputStream(raw).setMemoryLimitKiB(DecoderLimits.MAX_MEMORY_KIB).get(), Optional.empty()),
                LZMAUtils::isCompressedFileName, LZMAUtils::getUncompressedFileName);
    }

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        Decoded decoded = ArchiveDamage.guard(format, () -> decoder.open(container.newStream()));
        try (InputStream data = decoded.data()) {
            String name = decoded.storedName()
                    .orElseGet(() -> EntryNames.withoutSuffix(entries.containerName(), hasSuffix, stripSuffix));
            entries.add(name, GuardedInputStream.of(data, format, name));
        }
    }
}
