package com.postwarden.scan.internal.container.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Which zip compression methods the unpacker reads. Commons Compress also claims Zstandard (its decoder needs
 * a native library this engine does not ship) and XZ (decoded here only with a memory cap, which its zip
 * readers do not set), so those are decided here rather than by the library's own checks.
 */
final class ZipMethods {

    private ZipMethods() {
    }

    /** Methods read through the library's own decoders, in either reader. */
    static boolean isDecodedByLibrary(int method) {
        return method == ZipEntry.STORED || method == ZipEntry.DEFLATED
                || method == ZipMethod.ENHANCED_DEFLATED.getCode() || method == ZipMethod.BZIP2.getCode()
                || method == ZipMethod.IMPLODING.getCode() || method == ZipMethod.UNSHRINKING.getCode();
    }

    static boolean isXz(int method) {
        return method == ZipMethod.XZ.getCode();
    }

    static boolean isEncrypted(ZipArchiveEntry entry) {
        return entry.getGeneralPurposeBit().usesEncryption()
                || entry.getMethod() == ZipMethod.AES_ENCRYPTED.getCode();
    }

    /**
     * A decoder for Zstandard entries that fails when read, handed to the library in place of its own, which
     * needs a native library the engine does not ship and fails with an Error rather than an IOException.
     */
    static InputStream unsupportedDecoder() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Zstandard-compressed entries are not supported");
            }
        };
    }

    /** The method's name as zip's specification calls it, for messages. */
    static String name(int method) {
        ZipMethod known = ZipMethod.getMethodByCode(method);
        return known == null || known == ZipMethod.UNKNOWN ? "method " + method : known.name() + " (" + method + ")";
    }
}
