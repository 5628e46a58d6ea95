package com.postwarden.storage;

/** What {@link TokenCountRepository#add} or {@link TokenCountRepository#remove} did. */
public enum CountChange {
    /** A new message's tokens were counted. */
    ADDED,
    /** The message had been counted for the other class; it moved. */
    MOVED,
    /** The message was already counted for this class. */
    UNCHANGED,
    /** The message's counts were removed. */
    REMOVED,
    /** Nothing to remove: the message was never counted. */
    ABSENT
}
