package com.postwarden.scan.internal.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The body and logical signatures of a load, final (the ignore lists applied) once every file but the plain hash
 * files is read: what the matcher's patterns are compiled from while hash files may still be read. A compiler
 * {@link #drainBody drains} the body signatures, so that each can be let go as soon as it is compiled and the
 * parsed signatures and the compiled database are not both held whole. Not thread-safe.
 */
public final class PatternSignatures {
    private final List<BodySignature> body;
    private final List<LogicalSignature> logical;

    private PatternSignatures(List<BodySignature> body, List<LogicalSignature> logical) {
        this.body = new ArrayList<>(body);
        this.logical = List.copyOf(logical);
    }

    public static PatternSignatures of(List<BodySignature> body, List<LogicalSignature> logical) {
        return new PatternSignatures(body, logical);
    }

    /** The body signatures in load order; empty once drained. */
    public List<BodySignature> body() {
        return Collections.unmodifiableList(body);
    }

    public List<LogicalSignature> logical() {
        return logical;
    }

    /** Hands every body signature with its index to {@code compile}, letting go of each after; then empty. */
    public void drainBody(ObjIntConsumer<BodySignature> compile) {
        for (int i = 0; i < body.size(); i++) {
            BodySignature signature = body.set(i, null);
            compile.accept(signature, i);
        }
        body.clear();
    }
}
