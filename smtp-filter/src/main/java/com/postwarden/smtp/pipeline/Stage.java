package com.postwarden.smtp.pipeline;

/**
 * One step of the message pipeline (scan, score, policy…). A stage looks at the immutable context and says
 * how to go on; it never touches the SMTP session and never throws to express a verdict. Implementations are
 * called concurrently for different messages and must be thread-safe.
 */
public interface Stage {

    /** A short name for logs and the message log, e.g. {@code "scan"}. */
    String name();

    StageResult apply(MessageContext context);
}
