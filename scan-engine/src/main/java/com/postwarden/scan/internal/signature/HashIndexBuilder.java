package com.postwarden.scan.internal.signature;

/**
 * Collects the entries of one {@link HashIndex}: each a sort key and the address of its record (digest, then
 * name) in the parser's {@link RecordBlob}. Entries with a known size and entries for any size are kept apart and each
 * sorted once by {@link KeyedEntries}. Not thread-safe.
 */
final class HashIndexBuilder {
    private final HashAlgorithm algorithm;
    private final KeyedEntries sized = new KeyedEntries();
    private final KeyedEntries anySize = new KeyedEntries();

    HashIndexBuilder(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    HashAlgorithm algorithm() {
        return algorithm;
    }

    int count() {
        return sized.count() + anySize.count();
    }

    /** Adds an entry; {@code size} -1 means any size. */
    void add(int size, byte[] digest, int record) {
        if (size >= 0) {
            sized.add((long) size << 32 | HashIndex.prefix(digest, 4), record);
        } else {
            anySize.add(HashIndex.prefix(digest, 8), record);
        }
    }

    HashIndex build(RecordBlob records) {
        KeyedEntries.Sorted bySize = sized.sorted();
        KeyedEntries.Sorted byDigest = anySize.sorted();
        return new HashIndex(algorithm, bySize.keys(), bySize.records(), byDigest.keys(), byDigest.records(),
                records);
    }
}
