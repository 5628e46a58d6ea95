package com.postwarden.storage;

/** The two classes whose token counts {@link TokenCountRepository} keeps. */
public enum TokenClass {
    SPAM,
    HAM
}
