package com.postwarden.storage;

import java.util.Map;

/** The totals and the rows of the known tokens among those asked for, read in one query. */
public record CountsSnapshot(StoredTotals totals, Map<String, StoredCounts> counts) {
    public CountsSnapshot {
        counts = Map.copyOf(counts);
    }
}
