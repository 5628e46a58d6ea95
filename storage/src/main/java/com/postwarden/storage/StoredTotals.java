package com.postwarden.storage;

/** How many messages of each class were learned. */
public record StoredTotals(long spam, long ham) {
}
