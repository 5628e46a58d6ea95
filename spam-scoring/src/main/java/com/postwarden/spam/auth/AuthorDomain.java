package com.postwarden.spam.auth;

import com.postwarden.spam.SpamMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * The RFC5322.From domain that DMARC evaluates (RFC 7489 section 6.6.1), read with Mime4J's address parser.
 * A message with no From, several From fields, or a From with other than one mailbox has none: DMARC is not
 * applied to it (the receiver may reject such mail on other grounds).
 */
final class AuthorDomain {
    private AuthorDomain() {
    }

    static Optional<String> of(SpamMessage message) {
        List<String> from = message.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase("From")).map(h -> h.rawValue()).toList();
        if (from.size() != 1) {
            return Optional.empty();
        }
        try {
            AddressList addresses = LenientAddressParser.DEFAULT.parseAddressList(from.get(0));
            if (addresses.size() != 1) {
                return Optional.empty();
            }
            Address address = addresses.get(0);
            if (!(address instanceof Mailbox)) {
                return Optional.empty();
            }
            String domain = ((Mailbox) address).getDomain();
            if (domain == null || domain.isBlank() || domain.startsWith("[")) {
                return Optional.empty();
            }
            return Optional.of(OrganizationalDomain.normalize(domain.toLowerCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
