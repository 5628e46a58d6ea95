package com.postwarden.scan.internal.container.archive;

import java.io.IOException;

/**
 * A container that cannot be read to its end: truncated, corrupt, or using a feature no reader here supports.
 * The message names the format and, where known, the entry.
 */
final class DamagedArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedArchiveException(String message) {
        super(message);
    }

    DamagedArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
