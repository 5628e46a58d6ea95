package com.postwarden.scan.internal.container.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Turns what archive libraries throw on malformed input into one {@link DamagedArchiveException} naming the
 * format: their terse IOExceptions ({@code "Truncated TAR archive"}) as well as the unchecked exceptions some of
 * them raise on crafted headers, so that an unpacker lets nothing but IOException escape.
 */
final class ArchiveDamage {

    /** One call into an archive library. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    private ArchiveDamage() {
    }

    /** Runs a library call that reads the container, reporting any failure as damage of {@code format}. */
    static <T> T guard(String format, Step<T> step) throws IOException {
        try {
            return step.run();
        } catch (DamagedArchiveException | InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(format, e);
        }
    }

    static DamagedArchiveException damaged(String what, Throwable cause) {
        return new DamagedArchiveException("damaged " + what + ": " + describe(cause), cause);
    }

    static DamagedArchiveException damaged(String what, String detail) {
        return new DamagedArchiveException("damaged " + what + ": " + detail);
    }

    static DamagedArchiveException damaged(String what, String detail, Throwable cause) {
        return new DamagedArchiveException("damaged " + what + ": " + detail, cause);
    }

    /** What went wrong, in words: the library's message, or the exception's kind when it has none. */
    static String describe(Throwable cause) {
        if (cause instanceof org.apache.commons.compress.MemoryLimitException
                || cause instanceof org.tukaani.xz.MemoryLimitException) {
            return "decoding needs more memory than the " + DecoderLimits.MAX_MEMORY_KIB + " KiB allowed ("
                    + cause.getMessage() + ")";
        }
        if (cause instanceof EOFException) {
            String message = cause.getMessage();
            return message == null ? "unexpected end of data" : "unexpected end of data: " + message;
        }
        String message = cause.getMessage();
        boolean plain = cause instanceof IOException;
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return plain ? message : cause.getClass().getSimpleName() + ": " + message;
    }
}
