package com.postwarden.scan.external;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One ICAP reply as read from the wire: the status and headers, and what was encapsulated.
 *
 * @param status the ICAP status code (100, 200, 204, 4xx, 5xx)
 * @param reason the status line's reason phrase
 * @param headers the ICAP header fields
 * @param httpStatus the status of the encapsulated HTTP response, when there is one
 * @param body what the encapsulated body was, when there is one
 */
record IcapResponse(int status, String reason, IcapHeaders headers, OptionalInt httpStatus, Body body) {

    IcapResponse {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(httpStatus, "httpStatus");
    }

    /**
     * An encapsulated body, never kept: its length and SHA-256, enough to tell whether the server returned the
     * object unchanged.
     */
    record Body(long length, byte[] sha256) {
    }

    /** Whether the server will keep the connection open for the next request. */
    boolean keepAlive() {
        return !headers.first("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false);
    }
}
