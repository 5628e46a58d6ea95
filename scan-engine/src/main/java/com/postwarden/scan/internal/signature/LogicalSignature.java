package com.postwarden.scan.internal.signature;

import java.util.List;
import java.util.Objects;

/**
 * One {@code .ldb} signature: {@code Name;TargetDescriptionBlock;LogicalExpression;Subsig0;Subsig1...}.
 *
 * @param line the database line as read, kept until compilation for ignore entries that name its MD5
 */
public record LogicalSignature(String name, TargetDescription target, LogicalExpression expression,
                               List<Subsignature> subsignatures, String line) {
    public LogicalSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(expression, "expression");
        subsignatures = List.copyOf(subsignatures);
    }
}
