package com.postwarden.scan.internal.signature;

/**
 * A character class at the very start or end of a pattern, which ClamAV checks on the byte just outside the
 * match without consuming it: {@code (B)} word boundary, {@code (L)} line boundary, {@code (W)} non-alphanumeric,
 * each possibly negated with {@code !}. The start and end of the object satisfy a positive marker.
 */
public record EdgeMarker(Kind kind, boolean negated) {

    public enum Kind { BOUNDARY, LINE, WORD }
}
