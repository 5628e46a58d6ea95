package com.postwarden.scan.internal.content;

import java.io.IOException;

/** A stream held more bytes than the limit it was read under. */
public final class ContentTooLargeException extends IOException {
    private final long limit;

    public ContentTooLargeException(long limit) {
        super("content exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
