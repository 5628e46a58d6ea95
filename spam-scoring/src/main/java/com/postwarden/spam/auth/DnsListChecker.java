package com.postwarden.spam.auth;

import com.postwarden.spam.Symbol;
import com.postwarden.spam.dns.DnsAnswer;
import com.postwarden.spam.dns.DnsClient;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Asks the configured DNS lists about the client address and the registered domains of the message's URIs. A
 * name is listed when it has an A record in 127.0.0.0/8 other than 127.255.255.0/24, which lists such as
 * Spamhaus use for "query refused" and other errors. A list that does not answer adds nothing. Thread-safe.
 */
final class DnsListChecker {
    /** URI domains asked per message, at most: each is one query per list. */
    static final int MAX_URI_DOMAINS = 20;

    private final DnsClient dns;
    private final List<DnsList> lists;

    DnsListChecker(DnsClient dns, List<DnsList> lists) {
        this.dns = dns;
        this.lists = List.copyOf(lists);
    }

    List<Symbol> check(Optional<InetAddress> client, List<String> uris) {
        List<Symbol> symbols = new ArrayList<>();
        Optional<String> reversed = client.map(DnsListChecker::reversed);
        Set<String> domains = uriDomains(uris);
        for (DnsList list : lists) {
            boolean listed = false;
            if (list.kind() == DnsList.Kind.IP && reversed.isPresent()) {
                listed = listed(reversed.get() + "." + list.zone());
            } else if (list.kind() == DnsList.Kind.URI_DOMAIN) {
                for (String domain : domains) {
                    if (listed(domain + "." + list.zone())) {
                        listed = true;
                        break;
                    }
                }
            }
            if (listed) {
                symbols.add(new Symbol(list.symbol(), list.score(), "Listed in " + list.zone()));
            }
        }
        return symbols;
    }

    private boolean listed(String name) {
        DnsAnswer answer = dns.query(name, Type.A);
        if (!(answer instanceof DnsAnswer.Found)) {
            return false;
        }
        for (Record record : ((DnsAnswer.Found) answer).records()) {
            if (record instanceof ARecord) {
                byte[] a = ((ARecord) record).getAddress().getAddress();
                boolean loopback = a[0] == 127;
                boolean errorCode = a[1] == (byte) 255 && a[2] == (byte) 255;
                if (loopback && !errorCode) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reversed form of an address: octets for IPv4 (RFC 5782 section 2.1), nibbles for IPv6 (2.4). */
    static String reversed(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append(i == 0 ? "" : ".");
            }
        } else if (address instanceof Inet6Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(Character.forDigit(bytes[i] & 0x0f, 16)).append('.')
                        .append(Character.forDigit((bytes[i] >> 4) & 0x0f, 16)).append(i == 0 ? "" : ".");
            }
        }
        return name.toString();
    }

    /** The registered domains of the URIs with a host name, in order, without repeats, at most MAX_URI_DOMAINS. */
    static Set<String> uriDomains(List<String> uris) {
        Set<String> domains = new LinkedHashSet<>();
        for (String uri : uris) {
            if (domains.size() == MAX_URI_DOMAINS) {
                break;
            }
            host(uri).filter(h -> h.indexOf('.') > 0 && !h.matches("[0-9.]+") && !h.contains(":"))
                    .map(OrganizationalDomain::of).ifPresent(domains::add);
        }
        return domains;
    }

    private static Optional<String> host(String uri) {
        try {
            String host = URI.create(uri.strip()).getHost();
            return Optional.ofNullable(host).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
