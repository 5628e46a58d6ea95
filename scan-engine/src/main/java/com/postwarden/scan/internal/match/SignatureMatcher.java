package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;

/**
 * Runs a whole signature database over one object in one pass: hash signatures, body signatures and logical
 * signatures, then the allow- and ignore-lists. Thread-safe and immutable; one instance serves every scan.
 */
public interface SignatureMatcher {

    MatchResult match(Content content, FileType type);
}
