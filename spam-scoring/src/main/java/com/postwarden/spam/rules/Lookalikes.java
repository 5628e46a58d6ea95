package com.postwarden.spam.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a host imitates a well-known brand domain ({@code brand-domains.txt}): its registrable label is
 * one edit (insertion, deletion, substitution, transposition) from a brand's label of five letters or more, or
 * equals it once homoglyphs are folded ({@code 0→o}, {@code 1→l}, {@code rn→m}, {@code vv→w}, Cyrillic and Greek
 * letters that look Latin); or the brand's whole domain is a subdomain of another domain
 * ({@code paypal.com.example.net}); or a punycode label decodes to a word mixing scripts. Thread-safe (immutable).
 */
final class Lookalikes {
    private final Set<String> brands;
    private final Set<String> brandLabels;

    Lookalikes(Set<String> brands) {
        this.brands = Set.copyOf(brands);
        this.brandLabels = brands.stream().map(Domains::brandLabel).collect(java.util.stream.Collectors.toSet());
    }

    boolean imitatesBrand(String host) {
        if (host.isEmpty()) {
            return false;
        }
        String registrable = Domains.registrable(host);
        if (brands.contains(registrable)) {
            return false;
        }
        for (String brand : brands) {
            if (host.startsWith(brand + ".") || host.contains("." + brand + ".")) {
                return true;
            }
        }
        String label = Domains.brandLabel(registrable);
        String folded = fold(Domains.unicode(label));
        for (String brandLabel : brandLabels) {
            if (label.equals(brandLabel)) {
                continue; // the brand's own name under another suffix is often the brand's own domain
            }
            if (folded.equals(brandLabel) || brandLabel.length() >= 5 && oneEditApart(label, brandLabel)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a label of {@code host} is punycode that decodes to a word mixing Latin with another script. */
    static boolean punycodeMixesScripts(String host) {
        for (String label : host.split("\\.")) {
            if (label.startsWith("xn--") && Scripts.mixesScripts(Domains.unicode(label))) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String label) {
        StringBuilder folded = new StringBuilder(label.length());
        String lower = label.toLowerCase(Locale.ROOT).replace("rn", "m").replace("vv", "w");
        for (int i = 0; i < lower.length(); i++) {
            folded.append(Scripts.latinLookalike(lower.charAt(i)));
        }
        return folded.toString();
    }

    /** Damerau-Levenshtein distance of exactly one, without building a matrix. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }
}
