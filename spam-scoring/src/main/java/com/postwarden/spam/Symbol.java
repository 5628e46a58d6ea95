package com.postwarden.spam;

import java.util.Objects;

/**
 * One reason a message scored as it did, named as SpamAssassin and rspamd name them (e.g. {@code BAYES_99},
 * {@code SPF_FAIL}, {@code HTML_ONLY}).
 *
 * @param score       what it added (negative for signs of ham)
 * @param description a sentence for people; may be empty
 */
public record Symbol(String name, double score, String description) {
    public Symbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
