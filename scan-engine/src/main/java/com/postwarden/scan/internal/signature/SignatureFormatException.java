package com.postwarden.scan.internal.signature;

/**
 * A signature line this engine cannot use, with the reason as it appears in the load summary (without the
 * file-type prefix, which the loader adds). Thrown per line, so it carries no stack trace.
 */
public final class SignatureFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignatureFormatException(String reason) {
        super(reason, null, false, false);
    }

    /** The reason, e.g. {@code "unsupported offset type VI"}. */
    public String reason() {
        return getMessage();
    }
}
