package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link SignatureMatcher} of a compiled database: an automaton over every body and logical subsignature
 * literal, the compiled patterns, the logical signatures and the hash lookup. Each call borrows an
 * {@link ObjectScanner} (scratch buffers, digests, counters) from a pool, so steady-state scanning allocates
 * nothing per byte or per candidate, and scanners are dropped with the matcher on reload. Immutable and
 * thread-safe.
 */
public final class DatabaseMatcher implements SignatureMatcher {
    final ByteAutomaton automaton;
    final CompiledPatterns patterns;
    final String[] bodyNames;
    final LogicalSet logical;
    final HashLookup hashes;
    private final ConcurrentLinkedQueue<ObjectScanner> pool = new ConcurrentLinkedQueue<>();

    DatabaseMatcher(ByteAutomaton automaton, CompiledPatterns patterns, String[] bodyNames, LogicalSet logical,
                    HashLookup hashes) {
        this.automaton = automaton;
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
            pool.offer(scanner);
        }
    }

    /** Body patterns in the automaton (logical subsignatures included). */
    public int patternCount() {
        return patterns.count();
    }

    /** Automaton states, for the load summary. */
    public int automatonStates() {
        return automaton.stateCount();
    }

    /** Approximate bytes held by the automaton and the compiled patterns. */
    public long compiledBytes() {
        return automaton.memoryBytes() + patterns.memoryBytes();
    }

    /** Hash signatures (not allow-list entries) across all source files. */
    public long hashSignatures() {
        return hashes.signatures();
    }
}
