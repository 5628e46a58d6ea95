package com.postwarden.policies.config;

/**
 * A configuration file that cannot be used, with the place of the problem: file, line and dotted key.
 * The message is meant for an administrator and is printed as it is.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;

    public ConfigException(String source, int line, String key, String problem) {
        super(format(source, line, key, problem));
        this.source = source;
        this.line = line;
        this.key = key;
    }

    private static String format(String source, int line, String key, String problem) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (key != null && !key.isEmpty()) {
            text.append(": ").append(key);
        }
        return text.append(": ").append(problem).toString();
    }

    /** The file the problem is in. */
    public String source() {
        return source;
    }

    /** One-based line of the offending key, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** The dotted key, e.g. {@code smtp.maxMessageSize}; empty when the problem is the file as a whole. */
    public String key() {
        return key == null ? "" : key;
    }
}
