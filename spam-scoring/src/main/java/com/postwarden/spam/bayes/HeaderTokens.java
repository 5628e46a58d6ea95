package com.postwarden.spam.bayes;

import com.postwarden.spam.HeaderField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens of the header: the name of every field present ({@code hdr:x-mailer}); the words of the subject;
 * addresses, domains and display-name words of the address fields; the mailer; the content type; the time zone
 * of the date; and the host names and networks (/16 and /24) of the relays in the {@code Received} fields. Fields
 * named {@code X-Spam-*} are left out: they are the verdict of an earlier filter, not the sender's doing.
 */
final class HeaderTokens {
    /** Only the first this many {@code Received} fields (the most recent hops) are read. */
    static final int MAX_RECEIVED = 8;

    private static final Pattern ADDRESS = Pattern.compile("([\\w.+%=!#&'*/?^`{|}~-]+)@([\\w.-]+\\.[a-z]{2,})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}(?![\\d.])");
    private static final Pattern HOST = Pattern.compile("(?<![\\w.-])((?:[a-z0-9-]+\\.)+[a-z]{2,})(?![\\w-])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile("([+-]\\d{4})\\s*(?:\\(.*)?$");
    private static final List<String> ADDRESS_FIELDS = List.of("from", "to", "cc", "reply-to", "sender",
            "return-path", "errors-to");

    private final TextTokens text;

    HeaderTokens(TextTokens text) {
        this.text = text;
    }

    void add(List<HeaderField> fields, Tokenizer.TokenSink sink) {
        int received = 0;
        for (HeaderField field : fields) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-spam-")) {
                continue;
            }
            sink.add("hdr:" + name);
            String value = field.value();
            if (ADDRESS_FIELDS.contains(name)) {
                addresses(canonical(field.name()), value, sink);
            } else if (name.equals("subject")) {
                text.add(value, "Subject:", sink);
                if (value.chars().filter(Character::isUpperCase).count() > value.length() / 2 + 3) {
                    sink.add("Subject:mostly-capitals");
                }
            } else if (name.equals("received") && received++ < MAX_RECEIVED) {
                received(value, sink);
            } else if (name.equals("x-mailer") || name.equals("user-agent")) {
                sink.add("X-Mailer:" + value.trim().toLowerCase(Locale.ROOT));
                text.add(value, "X-Mailer:", sink);
            } else if (name.equals("content-type")) {
                contentType(value, sink);
            } else if (name.equals("content-transfer-encoding")) {
                sink.add("Content-Transfer-Encoding:" + value.trim().toLowerCase(Locale.ROOT));
            } else if (name.equals("message-id")) {
                int at = value.lastIndexOf('@');
                sink.add(at < 0 ? "Message-ID:no-domain"
                        : "Message-ID:" + value.substring(at + 1).replace(">", "").trim().toLowerCase(Locale.ROOT));
            } else if (name.equals("date")) {
                Matcher m = ZONE.matcher(value.trim());
                sink.add(m.find() ? "Date:zone:" + m.group(1) : "Date:no-zone");
            }
        }
    }

    private void addresses(String prefix, String value, Tokenizer.TokenSink sink) {
        Matcher m = ADDRESS.matcher(value);
        int count = 0;
        while (m.find()) {
            count++;
            String domain = m.group(2).toLowerCase(Locale.ROOT);
            sink.add(prefix + "addr:" + m.group(1).toLowerCase(Locale.ROOT) + "@" + domain);
            sink.add(prefix + "domain:" + domain);
        }
        if (count == 0) {
            sink.add(prefix + "no-address");
        }
        if (prefix.equals("To:") || prefix.equals("Cc:")) {
            sink.add(prefix + "count:" + Math.min(count, 10));
        }
        int lt = value.indexOf('<');
        if (lt > 0) {
            text.add(value.substring(0, lt), prefix + "name:", sink);
        }
    }

    private static void received(String value, Tokenizer.TokenSink sink) {
        String lower = value.toLowerCase(Locale.ROOT);
        Matcher ip = IPV4.matcher(lower);
        while (ip.find()) {
            sink.add("Received:ip:" + ip.group(1) + "." + ip.group(2));
            sink.add("Received:ip:" + ip.group(1) + "." + ip.group(2) + "." + ip.group(3));
        }
        Matcher host = HOST.matcher(lower);
        while (host.find()) {
            String h = host.group(1);
            sink.add("Received:host:" + h);
            sink.add("Received:domain:" + UriTokens.registrableDomain(h));
        }
    }

    private static void contentType(String value, Tokenizer.TokenSink sink) {
        String lower = value.toLowerCase(Locale.ROOT);
        int semi = lower.indexOf(';');
        sink.add("Content-Type:" + (semi < 0 ? lower : lower.substring(0, semi)).trim());
        int cs = lower.indexOf("charset=");
        if (cs >= 0) {
            String charset = lower.substring(cs + 8).replaceAll("[\"';].*$", "").replace("\"", "").trim();
            sink.add("Content-Type:charset:" + charset);
        }
    }

    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "from" -> "From:";
            case "to" -> "To:";
            case "cc" -> "Cc:";
            case "reply-to" -> "Reply-To:";
            case "sender" -> "Sender:";
            case "return-path" -> "Return-Path:";
            default -> lower + ":";
        };
    }
}
