package com.postwarden.spam;

import java.util.List;

/**
 * One source of symbols: the rules, the classifier, sender authentication, DNS lists. Implementations are
 * thread-safe; {@link #check} never throws on malformed input (what cannot be judged adds nothing).
 */
public interface SpamCheck {

    /** The symbols this check finds in {@code message}; empty when none. */
    List<Symbol> check(SpamMessage message);
}
