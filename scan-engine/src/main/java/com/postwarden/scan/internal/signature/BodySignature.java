package com.postwarden.scan.internal.signature;

import java.util.Objects;

/**
 * One {@code .ndb} signature: {@code Name:TargetType:Offset:HexSignature[:MinFL[:MaxFL]]}.
 *
 * @param line the database line as read, kept until compilation for ignore entries that name its MD5
 */
public record BodySignature(String name, int target, SignatureOffset offset, BodyPattern pattern, String line) {
    public BodySignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(pattern, "pattern");
    }
}
