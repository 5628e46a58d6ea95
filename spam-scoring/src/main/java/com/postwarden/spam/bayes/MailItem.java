package com.postwarden.spam.bayes;

/** One entry of a {@link MailSource}: a message's bytes, or why an entry could not be read. */
public sealed interface MailItem {

    /** Where the entry came from: a file, or a file and the message's number in an mbox ({@code box#3}). */
    String origin();

    /** A message as stored (mbox escaping undone, the separator line left out). */
    record Message(String origin, byte[] raw) implements MailItem {
    }

    /** An entry that was skipped, and why (too large, unreadable file). */
    record Unreadable(String origin, String reason) implements MailItem {
    }
}
