package com.postwarden.spam.rules;

import com.postwarden.spam.HeaderField;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code header} rule reads: a field name or one of SpamAssassin's pseudo-headers ({@code ALL}: the whole
 * header; {@code ToCc}: To and Cc; {@code MESSAGEID}: the Message-ID fields; {@code EnvelopeFrom}: the reverse
 * path), with the modifiers {@code :raw} (not decoded), {@code :addr} (the address only), {@code :name} (the
 * display name only), {@code :first} and {@code :last} (one occurrence). Immutable.
 */
record HeaderSelector(String field, boolean raw, Part part, Occurrence occurrence) {
    private static final List<String> MESSAGE_ID_FIELDS =
            List.of("Message-Id", "Resent-Message-Id", "X-Message-Id", "X-Message-ID");

    enum Part { VALUE, ADDRESS, NAME }

    enum Occurrence { ALL, FIRST, LAST }

    /** Parses {@code From:addr:raw}-style selectors. */
    static HeaderSelector parse(String spec) throws UnsupportedRuleException {
        String[] pieces = spec.split(":");
        if (pieces.length == 0 || pieces[0].isEmpty()) {
            throw new UnsupportedRuleException("malformed header rule", spec);
        }
        boolean raw = false;
        Part part = Part.VALUE;
        Occurrence occurrence = Occurrence.ALL;
        for (int i = 1; i < pieces.length; i++) {
            switch (pieces[i].toLowerCase(Locale.ROOT)) {
                case "raw":
                    raw = true;
                    break;
                case "addr":
                    part = Part.ADDRESS;
                    break;
                case "name":
                    part = Part.NAME;
                    break;
                case "first":
                    occurrence = Occurrence.FIRST;
                    break;
                case "last":
                    occurrence = Occurrence.LAST;
                    break;
                default:
                    throw new UnsupportedRuleException("header modifier", ":" + pieces[i]);
            }
        }
        if (pieces[0].startsWith("ALL-") || pieces[0].startsWith("X-Spam-Relays")
                || pieces[0].equals("X-Spam-Status")) {
            throw new UnsupportedRuleException("pseudo-header from SpamAssassin's relay analysis", pieces[0]);
        }
        return new HeaderSelector(pieces[0], raw, part, occurrence);
    }

    /**
     * The text the rule matches: each value ending with a newline, or for {@code :addr} and {@code :name} the
     * addresses or names one a line without a final newline; {@code null} when the field is absent.
     */
    String text(MessageView view) {
        if (field.equals("ALL")) {
            StringBuilder all = new StringBuilder();
            for (HeaderField header : view.message().headers()) {
                all.append(header.name()).append(": ").append(raw ? header.rawValue() : header.value()).append('\n');
            }
            return all.toString();
        }
        if (field.equals("EnvelopeFrom")) {
            String from = view.message().envelope().mailFrom();
            if (!from.isEmpty()) {
                return from + "\n";
            }
            return join(view.fields("Return-Path"));
        }
        if (field.equals("ToCc")) {
            List<HeaderField> to = view.fields("To");
            List<HeaderField> cc = view.fields("Cc");
            if (to.isEmpty() && cc.isEmpty()) {
                return null;
            }
            String toText = join(to);
            String ccText = join(cc);
            return (toText == null ? "" : toText) + (ccText == null ? "" : ccText);
        }
        if (field.equals("MESSAGEID")) {
            StringBuilder ids = new StringBuilder();
            for (String name : MESSAGE_ID_FIELDS.subList(0, 3)) {
                String value = join(view.fields(name));
                if (value != null) {
                    ids.append(value);
                }
            }
            return ids.length() == 0 ? null : ids.toString();
        }
        return join(view.fields(field));
    }

    private String join(List<HeaderField> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        List<HeaderField> chosen = occurrence == Occurrence.FIRST ? fields.subList(0, 1)
                : occurrence == Occurrence.LAST ? fields.subList(fields.size() - 1, fields.size()) : fields;
        StringBuilder text = new StringBuilder();
        for (HeaderField header : chosen) {
            String value = raw ? header.rawValue() : header.value();
            if (part == Part.VALUE) {
                text.append(value).append('\n');
            } else {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(part == Part.ADDRESS ? Addresses.address(value) : Addresses.displayName(value));
            }
        }
        return text.toString();
    }
}
