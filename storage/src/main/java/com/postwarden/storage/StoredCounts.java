package com.postwarden.storage;

import java.time.Instant;

/** One token's row: in how many learned messages of each class it occurred, and when it was last learned. */
public record StoredCounts(long spam, long ham, Instant lastSeen) {
}
