package com.postwarden.spam.dns;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks the configured DNS servers with dnsjava, through a cache of its own (never dnsjava's process-wide default
 * cache or resolver, so two clients with different servers do not share answers).
 *
 * <p>Thread-safe: every question builds its own {@link Lookup}; the resolver and the cache are safe to share.
 * Never throws for a bad name or a network failure: those are {@link DnsAnswer.Failed}.
 */
public final class DnsClient {
    /** One retry per server: a lost UDP datagram should not turn into a temporary error at once. */
    private static final int RETRIES = 1;

    private final Resolver resolver;
    private final Cache cache;

    private DnsClient(Resolver resolver, Cache cache) {
        this.resolver = resolver;
        this.cache = cache;
    }

    public static DnsClient create(DnsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        List<Resolver> resolvers = new ArrayList<>();
        for (InetSocketAddress server : settings.servers()) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(settings.timeout());
            resolvers.add(simple);
        }
        ExtendedResolver resolver = new ExtendedResolver(resolvers);
        resolver.setTimeout(settings.timeout());
        resolver.setRetries(RETRIES);
        resolver.setLoadBalance(false);
        Cache cache = new Cache(DClass.IN);
        cache.setMaxEntries(settings.cacheEntries());
        int maxTtl = (int) settings.maxTtl().toSeconds();
        cache.setMaxCache(maxTtl);
        cache.setMaxNCache(maxTtl);
        return new DnsClient(resolver, cache);
    }

    /** The records of {@code type} (a dnsjava {@link Type} constant) at {@code name}, taken as absolute. */
    public DnsAnswer query(String name, int type) {
        Name absolute;
        try {
            absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException | RuntimeException e) {
            return new DnsAnswer.Failed("bad name " + printable(name) + ": " + e.getMessage());
        }
        Lookup lookup = new Lookup(absolute, type, DClass.IN);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        lookup.setSearchPath((Name[]) null);
        Record[] records = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL:
                return records == null || records.length == 0 ? DnsAnswer.NOT_FOUND
                        : new DnsAnswer.Found(List.of(records));
            case Lookup.HOST_NOT_FOUND:
            case Lookup.TYPE_NOT_FOUND:
                return DnsAnswer.NOT_FOUND;
            default:
                return new DnsAnswer.Failed(Type.string(type) + " " + absolute + ": " + lookup.getErrorString());
        }
    }

    /** The TXT records at {@code name}, each one's strings joined as RFC 7208 section 3.3 and RFC 6376 say. */
    public TxtAnswer txt(String name) {
        DnsAnswer answer = query(name, Type.TXT);
        if (answer instanceof DnsAnswer.Found) {
            List<String> texts = new ArrayList<>();
            for (Record record : ((DnsAnswer.Found) answer).records()) {
                if (record instanceof TXTRecord) {
                    texts.add(String.join("", ((TXTRecord) record).getStrings()));
                }
            }
            return texts.isEmpty() ? TxtAnswer.NONE : new TxtAnswer(texts, Optional.empty());
        }
        if (answer instanceof DnsAnswer.Failed) {
            return new TxtAnswer(List.of(), Optional.of(((DnsAnswer.Failed) answer).reason()));
        }
        return TxtAnswer.NONE;
    }

    private static String printable(String name) {
        String cut = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /**
     * TXT strings at one name, or the reason no definite answer came.
     *
     * @param texts   one joined string per TXT record; empty when there are none or on failure
     * @param failure why no definite answer came; empty when one did
     */
    public record TxtAnswer(List<String> texts, Optional<String> failure) {
        static final TxtAnswer NONE = new TxtAnswer(List.of(), Optional.empty());

        public TxtAnswer {
            texts = List.copyOf(texts);
            Objects.requireNonNull(failure, "failure");
        }

        public boolean failed() {
            return failure.isPresent();
        }
    }
}
