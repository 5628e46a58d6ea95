package com.postwarden.spam.auth;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How sender authentication runs, validated on construction.
 *
 * @param authservId the authentication service identifier written first in {@code Authentication-Results}
 *                   (RFC 8601 section 2.5), usually the gateway's host name; also the receiving host for SPF's
 *                   {@code %{r}} macro
 * @param dnsLists   the DNS lists to ask; empty (the default) asks none
 */
public record AuthenticationSettings(String authservId, List<DnsList> dnsLists) {
    private static final Pattern AUTHSERV_ID = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-./=?^_`{|}~]{1,255}");

    public AuthenticationSettings {
        Objects.requireNonNull(authservId, "authentication.authserv-id");
        if (!AUTHSERV_ID.matcher(authservId).matches()) {
            throw new IllegalArgumentException("authentication.authserv-id: '" + authservId
                    + "' is not a host name or token");
        }
        dnsLists = List.copyOf(Objects.requireNonNull(dnsLists, "authentication.dns-lists"));
    }

    public static AuthenticationSettings of(String authservId) {
        return new AuthenticationSettings(authservId, List.of());
    }
}
