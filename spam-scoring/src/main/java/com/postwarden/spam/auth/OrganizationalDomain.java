package com.postwarden.spam.auth;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The organizational domain of a name (RFC 7489 section 3.2): the registered domain under its public suffix,
 * from the Public Suffix List that Guava ships and updates with each release (ICANN and private sections, as
 * OpenDMARC uses it). A name under no listed suffix falls back to the default rule {@code *}: its last two labels.
 * To take a newer list, raise the Guava version in the root pom.
 */
public final class OrganizationalDomain {
    private OrganizationalDomain() {
    }

    /** The organizational domain of {@code domain}, lower case without a trailing dot; the input when invalid. */
    public static String of(String domain) {
        String name = normalize(domain);
        try {
            InternetDomainName parsed = InternetDomainName.from(name);
            if (parsed.isUnderPublicSuffix()) {
                return parsed.topPrivateDomain().toString();
            }
            if (parsed.isPublicSuffix()) {
                return name;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not a valid domain name: fall through to the default rule
        }
        String[] labels = name.split("\\.");
        return labels.length <= 2 ? name : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    /** True when the two domains are aligned in relaxed mode: the same organizational domain. */
    public static boolean sameOrganization(String a, String b) {
        return of(a).equals(of(b));
    }

    static String normalize(String domain) {
        String lower = domain.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
