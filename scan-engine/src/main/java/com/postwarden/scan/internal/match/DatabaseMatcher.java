package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link SignatureMatcher} of a compiled database: the index of every body and logical subsignature
 * literal, the compiled patterns, the logical signatures and the hash lookup. Each call borrows an
 * {@link ObjectScanner} (scratch buffers, digests, counters) from a pool, so steady-state scanning allocates
 * nothing per byte or per candidate, and scanners are dropped with the matcher on reload. Immutable and
 * thread-safe.
 */
public final class DatabaseMatcher implements SignatureMatcher {
    final LiteralIndex literals;
    final CompiledPatterns patterns;
    final NameTable bodyNames;
    final LogicalSet logical;
    final HashLookup hashes;
    private final ConcurrentLinkedQueue<ObjectScanner> pool = new ConcurrentLinkedQueue<>();

    DatabaseMatcher(LiteralIndex literals, CompiledPatterns patterns, NameTable bodyNames, LogicalSet logical,
                    HashLookup hashes) {
        this.literals = literals;
        this.patterns = patterns;
        this.bodyNames = bodyNames;
        this.logical = logical;
        this.hashes = hashes;
    }

    @Override
    public MatchResult match(Content content, FileType type) {
        ObjectScanner scanner = pool.poll();
        if (scanner == null) {
            scanner = new ObjectScanner(this);
        }
        try {
            return scanner.match(content, type);
        } finally {
            scanner.release();
            pool.offer(scanner);
        }
    }

    /** Body patterns matched (logical subsignatures included). */
    public int patternCount() {
        return patterns.count();
    }

    /** Literals indexed: a case-insensitive pattern has one per case variant. */
    public int literalCount() {
        return literals.entries();
    }

    /** Approximate bytes held by the literal index and the compiled patterns. */
    public long compiledBytes() {
        return literals.memoryBytes() + patterns.memoryBytes();
    }

    /** Hash signatures (not allow-list entries) across all source files. */
    public long hashSignatures() {
        return hashes.signatures();
    }
}
