package com.postwarden.spam.bayes;

/** What a learn or unlearn request changed. */
public enum LearnOutcome {
    /** The message was new and its tokens were counted. */
    LEARNED,
    /** The message had been learned as the other class; its counts moved over. */
    RELEARNED,
    /** The message had already been learned as this class; nothing changed. */
    ALREADY_LEARNED,
    /** The message's counts were removed. */
    UNLEARNED,
    /** Unlearn of a message that was never learned; nothing changed. */
    NOT_LEARNED
}
