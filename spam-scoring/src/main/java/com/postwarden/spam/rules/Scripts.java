package com.postwarden.spam.rules;

/**
 * Unicode script tests for obfuscated text: a word mixing Latin letters with Cyrillic or Greek ones (which look
 * alike and defeat word filters), characters a reader does not see (zero-width, soft hyphen, BOM), and the Latin
 * letter a Cyrillic or Greek homoglyph imitates. Thread-safe (stateless).
 */
final class Scripts {
    private static final String CYRILLIC_GREEK_LOOKALIKES = "аеорсухіјԁѕԛԝαοτνρκιεАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";
    private static final String LATIN_EQUIVALENTS = "aeopcyxijdsqwaotvpkieabekmhopctxijsabezhikmnoptyx";

    private Scripts() {
    }

    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
                || c == '\u180E' || c == '\u2061' || c == '\u2062' || c == '\u2063' || c == '\u2064';
    }

    /** Whether {@code word} has Latin letters and Cyrillic or Greek ones. */
    static boolean mixesScripts(CharSequence word) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80) {
                latin |= Character.isLetter(c);
            } else if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN) {
                    latin = true;
                } else if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK) {
                    other = true;
                }
            }
        }
        return latin && other;
    }

    static char latinLookalike(char c) {
        int at = CYRILLIC_GREEK_LOOKALIKES.indexOf(c);
        if (at >= 0) {
            return Character.toLowerCase(LATIN_EQUIVALENTS.charAt(at));
        }
        if (c == '0') {
            return 'o';
        }
        return c == '1' ? 'l' : c;
    }
}
