package com.postwarden.spam.bayes;

import com.postwarden.spam.SpamMessage;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic tokens for the message's shape: HTML only or with text, the HTML tags used, the types and file name
 * extensions of its parts (read from the part headers in the raw body), and the text length in powers of two.
 */
final class ShapeTokens {
    /** Only the first this many chars of the HTML and of the raw body are scanned. */
    static final int MAX_SCAN = 200_000;

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]{0,15})[\\s>/]");
    private static final Pattern PART_TYPE = Pattern.compile("(?im)^content-type:\\s*\"?([a-z0-9.+-]+/[a-z0-9.+-]+)");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\bname\\*?=\\s*\"?[^\"\\r\\n;]*\\.([a-z0-9]{1,8})\"?");

    void add(SpamMessage message, Tokenizer.TokenSink sink) {
        String type = message.header("Content-Type").stream().findFirst().orElse("text/plain")
                .toLowerCase(Locale.ROOT);
        boolean html = !message.html().isBlank();
        if (html && type.startsWith("text/html")) {
            sink.add("syn:html-only");
        } else if (html) {
            sink.add("syn:has-html");
        }
        if (message.text().isBlank()) {
            sink.add("syn:no-text");
        }
        sink.add("syn:text-length:" + (32 - Integer.numberOfLeadingZeros(message.text().length())));
        String markup = cap(message.html());
        Matcher tag = TAG.matcher(markup);
        while (tag.find() && !sink.full()) {
            sink.add("html:" + tag.group(1).toLowerCase(Locale.ROOT));
        }
        String raw = cap(message.rawBody());
        Matcher part = PART_TYPE.matcher(raw);
        while (part.find() && !sink.full()) {
            sink.add("part:" + part.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher name = FILE_NAME.matcher(raw);
        while (name.find() && !sink.full()) {
            sink.add("attach:" + name.group(1).toLowerCase(Locale.ROOT));
        }
    }

    private static String cap(String s) {
        return s.length() > MAX_SCAN ? s.substring(0, MAX_SCAN) : s;
    }
}
