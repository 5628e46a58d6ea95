package com.postwarden.spam.bayes;

import java.util.List;

/**
 * The classifier's verdict on one message.
 *
 * @param probability the spam probability in [0, 1] (0.5 when nothing is known)
 * @param clues       the tokens combined, strongest first
 */
public record Classification(double probability, List<Clue> clues) {
    public Classification {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        clues = List.copyOf(clues);
    }
}
