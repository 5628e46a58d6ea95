package com.postwarden.policies.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with its position, so that every value problem names the file, line and dotted key.
 * Not thread-safe; used only while one file is loaded.
 */
final class ConfigNode {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private final String source;
    private final String path;
    private final int line;
    private final Map<String, Entry> entries;

    private record Entry(int line, Node value) {
    }

    private ConfigNode(String source, String path, int line, Map<String, Entry> entries) {
        this.source = source;
        this.path = path;
        this.line = line;
        this.entries = entries;
    }

    static ConfigNode root(String source, Node node) throws ConfigException {
        if (node == null) {
            return new ConfigNode(source, "", 0, Map.of());
        }
        return of(source, "", node.getStartMark().getLine() + 1, node);
    }

    /** {@code line} is where the section's key stands, so that a missing key inside it points there. */
    private static ConfigNode of(String source, String path, int line, Node node) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException(source, line, path, "expected a section of key: value lines");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw new ConfigException(source, keyLine, path, "a key must be plain text");
            }
            String key = scalarKey.getValue();
            if (entries.put(key, new Entry(keyLine, tuple.getValueNode())) != null) {
                throw new ConfigException(source, keyLine, join(path, key), "is set twice");
            }
        }
        return new ConfigNode(source, path, line, entries);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A nested section; an absent one reads as empty, so all its keys take their defaults. */
    ConfigNode section(String key) throws ConfigException {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value)) {
            return new ConfigNode(source, join(path, key), entry == null ? line : entry.line, Map.of());
        }
        return of(source, join(path, key), entry.line, entry.value);
    }

    /** A list of sections, e.g. {@code external: [{type: clamd, ...}, ...]}; absent reads as empty. */
    List<ConfigNode> sections(String key) throws ConfigException {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value)) {
            return List.of();
        }
        if (!(entry.value instanceof SequenceNode sequence)) {
            throw problem(key, "expected a list of sections (lines starting with '- ')");
        }
        List<ConfigNode> sections = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            sections.add(of(source, join(path, key) + "[" + i + "]", item.getStartMark().getLine() + 1, item));
        }
        return List.copyOf(sections);
    }

    /** The keys of this section, in file order. */
    Set<String> keys() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    boolean has(String key) {
        Entry entry = entries.get(key);
        return entry != null && !isNull(entry.value);
    }

    /** Refuses keys this version does not know, so a typo is never silently ignored. */
    void allowOnly(Set<String> known) throws ConfigException {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigException(source, e.getValue().line, join(path, e.getKey()),
                        "unknown key (known here: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    String string(String key, String defaultValue) throws ConfigException {
        return optionalString(key).orElse(defaultValue);
    }

    Optional<String> optionalString(String key) throws ConfigException {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value)) {
            return Optional.empty();
        }
        if (!(entry.value instanceof ScalarNode scalar)) {
            throw problem(key, "expected a single value, not a list or section");
        }
        return Optional.of(scalar.getValue());
    }

    /** Reads a value and converts it; a conversion's {@link IllegalArgumentException} becomes a located error. */
    <T> T value(String key, T defaultValue, Function<String, T> parser) throws ConfigException {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return convert(key, text.get(), parser);
    }


    boolean bool(String key, boolean defaultValue) throws ConfigException {
        return value(key, defaultValue, text -> {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true": case "yes": case "on":
                    return true;
                case "false": case "no": case "off":
                    return false;
                default:
                    throw new IllegalArgumentException("'" + text + "' is not true or false");
            }
        });
    }

    int integer(String key, int defaultValue, int min, int max) throws ConfigException {
        int value = value(key, defaultValue, text -> {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
        });
        if (value < min || value > max) {
            throw problem(key, value + " is outside the allowed range " + min + "-" + max);
        }
        return value;
    }

    Duration duration(String key, Duration defaultValue) throws ConfigException {
        return value(key, defaultValue, ConfigNode::parseDuration);
    }

    DataSize size(String key, DataSize defaultValue, DataSize min, DataSize max) throws ConfigException {
        DataSize value = value(key, defaultValue, DataSize::parse);
        if (value.bytes() < min.bytes() || value.bytes() > max.bytes()) {
            throw problem(key, value + " is outside the allowed range " + min + "-" + max);
        }
        return value;
    }

    <T> List<T> list(String key, List<T> defaultValue, Function<String, T> parser) throws ConfigException {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value)) {
            return defaultValue;
        }
        if (!(entry.value instanceof SequenceNode sequence)) {
            throw problem(key, "expected a list, e.g. [a, b]");
        }
        List<T> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigException(source, item.getStartMark().getLine() + 1, join(path, key),
                        "list items must be single values");
            }
            values.add(convert(key, scalar.getValue(), parser));
        }
        return List.copyOf(values);
    }

    <T extends Enum<T>> T choice(String key, T defaultValue, Class<T> type) throws ConfigException {
        return value(key, defaultValue, text -> {
            for (T constant : type.getEnumConstants()) {
                if (constant.name().replace("_", "").equalsIgnoreCase(text.trim().replace("-", ""))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList()));
        });
    }

    ConfigException problem(String key, String message) {
        Entry entry = entries.get(key);
        return new ConfigException(source, entry == null ? line : entry.line, join(path, key), message);
    }

    private <T> T convert(String key, String text, Function<String, T> parser) throws ConfigException {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw problem(key, e.getMessage());
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 500ms, 30s, 5m, 1h or 1d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
