package com.postwarden.spam.bayes;

import com.postwarden.spam.SpamMessage;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a message into the distinct tokens the classifier counts: words of the decoded text, chosen header fields
 * (prefixed by their field, so {@code Subject:free} and {@code free} are different tokens), parts of every URI,
 * and a few synthetic tokens for the message's shape (HTML only, attachment types, sizes).
 *
 * <p>Hand-written: what makes a good token is the classifier's own design choice (SpamBayes and SpamAssassin
 * each tokenize differently) and no library offers a spam tokenizer over our message model. Thread-safe and
 * stateless; never throws on any {@link SpamMessage}. The output is deterministic for a given message, which
 * unlearning relies on.
 */
public final class Tokenizer {
    /** No token is longer than this (in chars); longer values are cut. */
    public static final int MAX_TOKEN_LENGTH = 100;
    /** At most this many tokens per message; what follows is ignored. */
    public static final int MAX_TOKENS = 5_000;

    private final TextTokens text = new TextTokens();
    private final HeaderTokens headers = new HeaderTokens(text);
    private final UriTokens uris = new UriTokens();
    private final ShapeTokens shape = new ShapeTokens();

    /** The distinct tokens of {@code message}, in order of first appearance. */
    public Set<String> tokens(SpamMessage message) {
        TokenSink sink = new TokenSink(MAX_TOKENS, MAX_TOKEN_LENGTH);
        headers.add(message.headers(), sink);
        uris.add(message.uris(), sink);
        shape.add(message, sink);
        text.add(message.text(), "", sink);
        return sink.tokens();
    }

    /** Collects tokens up to the limits. Not thread-safe: one per call. */
    static final class TokenSink {
        private final Set<String> tokens = new LinkedHashSet<>();
        private final int maxTokens;
        private final int maxLength;

        TokenSink(int maxTokens, int maxLength) {
            this.maxTokens = maxTokens;
            this.maxLength = maxLength;
        }

        void add(String token) {
            if (token.isEmpty() || tokens.size() >= maxTokens) {
                return;
            }
            tokens.add(token.length() > maxLength ? token.substring(0, maxLength) : token);
        }

        boolean full() {
            return tokens.size() >= maxTokens;
        }

        Set<String> tokens() {
            return tokens;
        }
    }
}
