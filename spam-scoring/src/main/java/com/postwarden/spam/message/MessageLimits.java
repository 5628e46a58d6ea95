package com.postwarden.spam.message;

/**
 * The caps {@link MessageReader} enforces so that a huge or hostile message costs bounded memory and time. Past a
 * cap the view is cut, never failed: rules see the first part of a long text, which is where spam puts its words.
 *
 * @param maxHeaderFields  top-level header fields kept (more are ignored)
 * @param maxHeaderChars   characters kept of one header field's value
 * @param maxParts         MIME parts (leaves) whose content is read; later parts are skipped
 * @param maxPartBytes     decoded bytes read from one text part
 * @param maxTextChars     characters of {@code text} (plain parts and rendered HTML together)
 * @param maxHtmlChars     characters of {@code html} (and of the HTML handed to the HTML parser)
 * @param maxRawBodyChars  characters of {@code rawBody}
 * @param maxUris          URIs collected
 * @param maxUriChars      characters kept of one URI
 */
public record MessageLimits(int maxHeaderFields, int maxHeaderChars, int maxParts, int maxPartBytes,
                            int maxTextChars, int maxHtmlChars, int maxRawBodyChars, int maxUris, int maxUriChars) {

    /** 1,000 fields of 16 K; 100 parts of 1 MB; 256 K of text, 512 K of HTML, 256 K of raw body; 500 URIs of 2 K. */
    public static final MessageLimits DEFAULTS =
            new MessageLimits(1_000, 16 * 1024, 100, 1 << 20, 256 * 1024, 512 * 1024, 256 * 1024, 500, 2048);

    public MessageLimits {
        requirePositive("maxHeaderFields", maxHeaderFields);
        requirePositive("maxHeaderChars", maxHeaderChars);
        requirePositive("maxParts", maxParts);
        requirePositive("maxPartBytes", maxPartBytes);
        requirePositive("maxTextChars", maxTextChars);
        requirePositive("maxHtmlChars", maxHtmlChars);
        requirePositive("maxRawBodyChars", maxRawBodyChars);
        requirePositive("maxUris", maxUris);
        requirePositive("maxUriChars", maxUriChars);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
