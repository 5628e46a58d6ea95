package com.postwarden.policies.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code postwarden.yaml} into a validated {@link GatewayConfig}. Every problem is reported as a
 * {@link ConfigException} naming the file, line and key; nothing is half-applied. Thread-safe (stateless).
 */
public final class ConfigLoader {
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final DataSize MAX_INT_SIZE = DataSize.ofBytes(Integer.MAX_VALUE);

    /** Loads and validates the file; relative paths in it are resolved against the working directory. */
    public GatewayConfig load(Path file) throws ConfigException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, "", "the file does not exist");
        } catch (MalformedInputException e) {
            throw new ConfigException(source, 0, "", "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(source, 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(source, file, text);
    }

    /** Parses configuration text; {@code file} is the path recorded as its source. */
    public GatewayConfig parse(String source, Path file, String text) throws ConfigException {
        ConfigNode root = ConfigNode.root(source, compose(source, text));
        root.allowOnly(Set.of("smtp", "scan", "spam", "dataDir", "shutdownTimeout"));
        SmtpSettings smtp = smtp(root.section("smtp"));
        Path dataDir = root.value("dataDir", Path.of("./var"), Path::of);
        Duration shutdownTimeout = root.duration("shutdownTimeout", Duration.ofSeconds(30));
        return new GatewayConfig(file, smtp, outbound(root.section("smtp").section("outbound")),
                new ScanSettingsReader().read(root.section("scan")), new SpamSettingsReader().read(root.section("spam")),
                dataDir, shutdownTimeout);
    }

    private static Node compose(String source, String text) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by ConfigNode, with their line
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1024 * 1024);
        try (Reader reader = new java.io.StringReader(text)) {
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(source, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new ConfigException(source, 0, "", "not valid YAML: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // SnakeYAML reports some malformed tags this way rather than as a YAMLException
            throw new ConfigException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
    }

    private SmtpSettings smtp(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("listen", "hostname", "nextHop", "trustedNetworks", "relayDomains", "maxMessageSize",
                "maxRecipients", "maxLineLength", "maxHeaderSize", "maxConnections", "maxConnectionsPerClient",
                "commandTimeout", "dataTimeout", "memorySpoolThreshold", "tls", "outbound"));
        HostPort listen = node.value("listen", new HostPort("127.0.0.1", 10025), HostPort::parse);
        String hostname = node.value("hostname", defaultHostname(), ConfigLoader::domainName);
        HostPort nextHop = node.value("nextHop", new HostPort("127.0.0.1", 10026), HostPort::parse);
        NetworkList trusted = new NetworkList(node.list("trustedNetworks",
                List.of(NetworkRange.parse("127.0.0.0/8"), NetworkRange.parse("::1/128")), NetworkRange::parse));
        List<String> relayDomains = node.list("relayDomains", List.of(), ConfigLoader::domainName);
        DataSize maxSize = node.size("maxMessageSize", DataSize.ofMegabytes(50), DataSize.ofKilobytes(1), MAX_INT_SIZE);
        int maxRecipients = node.integer("maxRecipients", 1000, 1, 100_000);
        int maxLineLength = node.integer("maxLineLength", 32 * 1024, 998, 16 * 1024 * 1024);
        DataSize maxHeader = node.size("maxHeaderSize", DataSize.ofKilobytes(256), DataSize.ofKilobytes(4), MAX_INT_SIZE);
        int maxConnections = node.integer("maxConnections", 200, 1, 100_000);
        int perClient = node.integer("maxConnectionsPerClient", 20, 1, 100_000);
        Duration commandTimeout = positive(node, "commandTimeout", node.duration("commandTimeout", Duration.ofMinutes(5)));
        Duration dataTimeout = positive(node, "dataTimeout", node.duration("dataTimeout", Duration.ofMinutes(10)));
        DataSize threshold = node.size("memorySpoolThreshold", DataSize.ofKilobytes(256), DataSize.ofBytes(0),
                DataSize.ofMegabytes(64));
        Optional<InboundTls> tls = inboundTls(node.section("tls"));
        return new SmtpSettings(listen, hostname, nextHop, trusted, relayDomains, maxSize, maxRecipients,
                maxLineLength, maxHeader, maxConnections, perClient, commandTimeout, dataTimeout, threshold, tls);
    }

    private Optional<InboundTls> inboundTls(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("certificate", "key"));
        if (!node.has("certificate") && !node.has("key")) {
            return Optional.empty();
        }
        if (!node.has("certificate") || !node.has("key")) {
            throw node.problem(node.has("certificate") ? "key" : "certificate",
                    "both certificate and key are needed for STARTTLS");
        }
        return Optional.of(new InboundTls(readableFile(node, "certificate"), readableFile(node, "key")));
    }

    private OutboundSettings outbound(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("tls", "trustedCertificates", "connectTimeout", "commandTimeout", "dataTimeout",
                "maxIdleConnections", "idleTimeout"));
        TlsMode tls = node.choice("tls", TlsMode.OPPORTUNISTIC, TlsMode.class);
        Optional<Path> trusted = node.has("trustedCertificates")
                ? Optional.of(readableFile(node, "trustedCertificates")) : Optional.empty();
        return new OutboundSettings(tls, trusted,
                positive(node, "connectTimeout", node.duration("connectTimeout", Duration.ofSeconds(30))),
                positive(node, "commandTimeout", node.duration("commandTimeout", Duration.ofMinutes(5))),
                positive(node, "dataTimeout", node.duration("dataTimeout", Duration.ofMinutes(10))),
                node.integer("maxIdleConnections", 32, 0, 10_000),
                positive(node, "idleTimeout", node.duration("idleTimeout", Duration.ofSeconds(60))));
    }

    private static Path readableFile(ConfigNode node, String key) throws ConfigException {
        Path path = node.value(key, null, Path::of);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw node.problem(key, "'" + path + "' is not a readable file");
        }
        return path;
    }

    static Duration positive(ConfigNode node, String key, Duration value) throws ConfigException {
        if (value.isZero() || value.isNegative()) {
            throw node.problem(key, "must be longer than zero");
        }
        return value;
    }

    private static String domainName(String text) {
        String value = text.trim();
        if (!DOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a domain name");
        }
        return value;
    }

    private static String defaultHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return DOMAIN.matcher(name).matches() ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
