package com.postwarden.policies.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code scan.external} list: one section per engine. */
final class ExternalEngineReader {
    private static final DataSize CLAMD_MAX_SIZE = DataSize.ofMegabytes(25); // clamd's own StreamMaxLength default
    private static final DataSize ICAP_MAX_SIZE = DataSize.ofMegabytes(5);   // c-icap virus_scan's MaxObjectSize

    List<ExternalEngineSettings> read(List<ConfigNode> sections) throws ConfigException {
        Set<String> names = new HashSet<>();
        List<ExternalEngineSettings> engines = new ArrayList<>();
        for (ConfigNode section : sections) {
            ExternalEngineSettings engine = engine(section);
            if (!names.add(engine.name())) {
                throw section.problem("name", "another engine is already named '" + engine.name() + "'");
            }
            engines.add(engine);
        }
        return List.copyOf(engines);
    }

    private static ExternalEngineSettings engine(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("name", "type", "tcp", "socket", "url", "mode", "timeout", "maxSize", "connections"));
        if (!node.has("type")) {
            throw node.problem("type", "missing: clamd or icap");
        }
        ExternalEngineSettings.Type type = node.choice("type", null, ExternalEngineSettings.Type.class);
        Optional<HostPort> tcp = node.has("tcp") ? Optional.of(node.value("tcp", null, HostPort::parse)) : Optional.empty();
        Optional<Path> socket = node.has("socket") ? Optional.of(node.value("socket", null, Path::of)) : Optional.empty();
        Optional<URI> url = node.has("url") ? Optional.of(node.value("url", null, ExternalEngineReader::icapUrl))
                : Optional.empty();
        if (type == ExternalEngineSettings.Type.CLAMD) {
            if (url.isPresent()) {
                throw node.problem("url", "is for ICAP engines; clamd takes tcp or socket");
            }
            if (tcp.isPresent() == socket.isPresent()) {
                throw node.problem("tcp", "a clamd engine needs exactly one of tcp (host:port) or socket (a path)");
            }
        } else if (url.isEmpty() || tcp.isPresent() || socket.isPresent()) {
            throw node.problem("url", "an ICAP engine needs url (icap://host:port/service) and neither tcp nor socket");
        }
        String name = node.string("name", type == ExternalEngineSettings.Type.CLAMD ? "clamd"
                : "icap:" + url.get().getHost());
        if (name.isBlank() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',' && c != ';')) {
            throw node.problem("name", "must be printable ASCII without spaces, commas or semicolons");
        }
        ExternalEngineSettings.Mode mode = node.choice("mode", ExternalEngineSettings.Mode.REQUIRED,
                ExternalEngineSettings.Mode.class);
        Duration timeout = ConfigLoader.positive(node, "timeout", node.duration("timeout", Duration.ofSeconds(30)));
        DataSize defaultMax = type == ExternalEngineSettings.Type.CLAMD ? CLAMD_MAX_SIZE : ICAP_MAX_SIZE;
        DataSize maxSize = node.size("maxSize", defaultMax, DataSize.ofKilobytes(1), DataSize.ofMegabytes(2047));
        int connections = node.integer("connections", 8, 1, 256);
        return new ExternalEngineSettings(name, type, tcp, socket, url, mode, timeout, maxSize, connections);
    }

    private static URI icapUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        if (!"icap".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null
                || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("'" + text + "' is not an ICAP service URL (icap://host:port/service)");
        }
        return uri;
    }
}
