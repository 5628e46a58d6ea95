package com.postwarden.spam.bayes;

/**
 * A token that took part in a classification.
 *
 * @param probability Robinson's f(w): above 0.5 the token speaks for spam
 */
public record Clue(String token, double probability) {
}
