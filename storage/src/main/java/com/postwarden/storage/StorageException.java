package com.postwarden.storage;

/** The database failed (unreachable, constraint broken, I/O); the operation changed nothing. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
