package com.postwarden.scan.internal.signature;

import java.util.Objects;

/**
 * One {@code .ndb} signature: {@code Name:TargetType:Offset:HexSignature[:MinFL[:MaxFL]]}. The name is not kept
 * apart from the line it starts: a hundred thousand signatures wait for their compilation with one string each.
 *
 * @param line the database line as read, kept until compilation for ignore entries that name its MD5
 * @param nameLength the length of the name at the start of {@code line}
 */
public record BodySignature(String line, int nameLength, int target, SignatureOffset offset, BodyPattern pattern) {
    public BodySignature {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(pattern, "pattern");
        if (nameLength <= 0 || nameLength > line.length()) {
            throw new IllegalArgumentException("no name of " + nameLength + " characters in the line");
        }
    }

    public String name() {
        return line.substring(0, nameLength);
    }
}
