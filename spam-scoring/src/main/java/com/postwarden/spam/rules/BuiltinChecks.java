package com.postwarden.spam.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks rule files may call as {@code eval:NAME(args)}; each returns whether it hit. They are listed in
 * {@link #NAMES}; a rule calling any other function is reported unsupported when loaded.
 * <ul>
 *   <li>{@code check_for_mime_html_only()}: HTML parts and no text/plain part;</li>
 *   <li>{@code check_link_text_mismatch()}: a link whose text shows a domain other than its href's;</li>
 *   <li>{@code check_url_shortener()}: a link through a URL shortener ({@code url-shorteners.txt});</li>
 *   <li>{@code check_mixed_script_words([min])}: at least min (1) words mixing Latin with Cyrillic or Greek;</li>
 *   <li>{@code check_invisible_characters([min])}: at least min (3) zero-width characters or soft hyphens
 *       inside words of the text;</li>
 *   <li>{@code check_from_reply_to_domain_mismatch()}: Reply-To's registrable domain is not From's;</li>
 *   <li>{@code check_missing_header(NAME)}: no NAME field;</li>
 *   <li>{@code check_suspicious_message_id()}: a Message-ID not of the form {@code <local@domain>};</li>
 *   <li>{@code check_date_in_future([hours])}: Date more than hours (24) after the message was received (the
 *       topmost Received field's date, else the clock);</li>
 *   <li>{@code check_date_in_past([days])}: Date more than days (30) before it was received;</li>
 *   <li>{@code check_unparsable_date()}: a Date that RFC 5322 section 3.3 cannot read;</li>
 *   <li>{@code check_list_unsubscribe_without_list_id()}, {@code check_precedence_bulk()}: bulk-mail signs;</li>
 *   <li>{@code check_lookalike_domain()}: the From domain or a link host imitates a brand ({@link Lookalikes});</li>
 *   <li>{@code check_punycode_mixed_scripts()}: the From domain or a link host is punycode mixing scripts;</li>
 *   <li>{@code check_gtube()}: the GTUBE test string is in the body.</li>
 * </ul>
 * Thread-safe (immutable; the clock is read per call).
 */
final class BuiltinChecks {
    static final Set<String> NAMES = Set.of("check_for_mime_html_only", "check_link_text_mismatch",
            "check_url_shortener", "check_mixed_script_words", "check_invisible_characters",
            "check_from_reply_to_domain_mismatch", "check_missing_header", "check_suspicious_message_id",
            "check_date_in_future", "check_date_in_past", "check_unparsable_date",
            "check_list_unsubscribe_without_list_id", "check_precedence_bulk", "check_lookalike_domain",
            "check_punycode_mixed_scripts", "check_gtube");

    /** GTUBE, the Generic Test for Unsolicited Bulk Email, assembled so that this file is not itself a test. */
    static final String GTUBE = String.join("*", "XJS", "C4JDBQADN1.NSBN3", "2IDNEN",
            "GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL", "C.34X");

    private static final Set<String> SHORTENERS = Domains.list("url-shorteners.txt");
    private static final Lookalikes LOOKALIKES = new Lookalikes(Domains.list("brand-domains.txt"));

    private final Clock clock;

    BuiltinChecks(Clock clock) {
        this.clock = clock;
    }

    boolean test(String function, List<String> args, MessageView view) {
        switch (function) {
            case "check_for_mime_html_only":
                return htmlOnly(view);
            case "check_link_text_mismatch":
                return LinkTexts.mismatch(view.message().html());
            case "check_url_shortener":
                return view.message().uris().stream().anyMatch(u -> SHORTENERS.contains(Domains.host(u)));
            case "check_mixed_script_words":
                return mixedScriptWords(view.message().text()) >= intArg(args, 1);
            case "check_invisible_characters":
                return invisibleInWords(view.message().text()) >= intArg(args, 3);
            case "check_from_reply_to_domain_mismatch":
                return replyToMismatch(view);
            case "check_missing_header":
                return !args.isEmpty() && view.fields(args.get(0)).isEmpty();
            case "check_suspicious_message_id":
                return suspiciousMessageId(view.first("Message-ID"));
            case "check_date_in_future":
                return dateOffset(view).map(d -> d.compareTo(Duration.ofHours(intArg(args, 24))) > 0).orElse(false);
            case "check_date_in_past":
                return dateOffset(view).map(d -> d.compareTo(Duration.ofDays(-intArg(args, 30))) < 0).orElse(false);
            case "check_unparsable_date":
                return view.first("Date") != null && parseDate(view.first("Date")) == null;
            case "check_list_unsubscribe_without_list_id":
                return !view.fields("List-Unsubscribe").isEmpty() && view.fields("List-Id").isEmpty();
            case "check_precedence_bulk":
                return precedence(view).equals("bulk") || precedence(view).equals("junk");
            case "check_lookalike_domain":
                return hostsOf(view).stream().anyMatch(LOOKALIKES::imitatesBrand);
            case "check_punycode_mixed_scripts":
                return hostsOf(view).stream().anyMatch(Lookalikes::punycodeMixesScripts);
            case "check_gtube":
                return view.message().text().contains(GTUBE) || view.message().rawBody().contains(GTUBE);
            default:
                return false;
        }
    }

    private static boolean htmlOnly(MessageView view) {
        if (view.message().html().isBlank()) {
            return false;
        }
        String full = view.full();
        return indexOfIgnoreCase(full, "text/plain") < 0;
    }

    private static int mixedScriptWords(String text) {
        int count = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start > 2 && Scripts.mixesScripts(text.subSequence(start, i))) {
                    count++;
                }
                start = -1;
            }
        }
        return count;
    }

    private static int invisibleInWords(String text) {
        int count = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            if (Scripts.isInvisible(text.charAt(i)) && Character.isLetterOrDigit(text.charAt(i - 1))) {
                count++;
            }
        }
        return count;
    }

    private static boolean replyToMismatch(MessageView view) {
        String replyTo = view.first("Reply-To");
        String from = view.first("From");
        if (replyTo == null || from == null) {
            return false;
        }
        String replyDomain = Addresses.domain(replyTo);
        String fromDomain = Addresses.domain(from);
        return !replyDomain.isEmpty() && !fromDomain.isEmpty()
                && !Domains.registrable(replyDomain).equals(Domains.registrable(fromDomain));
    }

    private static boolean suspiciousMessageId(String id) {
        if (id == null) {
            return false;
        }
        String value = id.strip();
        int at = value.indexOf('@');
        if (!value.startsWith("<") || !value.endsWith(">") || at < 2 || value.indexOf('@', at + 1) >= 0) {
            return true;
        }
        String domain = value.substring(at + 1, value.length() - 1);
        return domain.isEmpty() || domain.indexOf(' ') >= 0;
    }

    private java.util.Optional<Duration> dateOffset(MessageView view) {
        String date = view.first("Date");
        Instant sent = date == null ? null : parseDate(date);
        return sent == null ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.between(receivedAt(view), sent));
    }

    /**
     * When the message reached the nearest relay: the date of the topmost Received field (RFC 5322 section 3.6.7,
     * after its semicolon), as SpamAssassin compares Date with it; the clock when there is none.
     */
    private Instant receivedAt(MessageView view) {
        String received = view.first("Received");
        int semicolon = received == null ? -1 : received.lastIndexOf(';');
        Instant at = semicolon < 0 ? null : parseDate(received.substring(semicolon + 1));
        return at == null ? clock.instant() : at;
    }

    /** RFC 5322 section 3.3, leniently: surrounding space, a trailing comment, a missing weekday. */
    static Instant parseDate(String value) {
        String text = value.strip();
        int comment = text.indexOf('(');
        if (comment > 0) {
            text = text.substring(0, comment).strip();
        }
        text = text.replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String precedence(MessageView view) {
        String value = view.first("Precedence");
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> hostsOf(MessageView view) {
        java.util.ArrayList<String> hosts = new java.util.ArrayList<>();
        String from = view.first("From");
        if (from != null) {
            hosts.add(Addresses.domain(from));
        }
        for (String uri : view.message().uris()) {
            hosts.add(Domains.host(uri));
        }
        return hosts;
    }

    private static int intArg(List<String> args, int fallback) {
        if (args.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(args.get(0).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static int indexOfIgnoreCase(String text, String lowerNeedle) {
        return indexOfIgnoreCase(text, lowerNeedle, 0);
    }

    static int indexOfIgnoreCase(String text, String lowerNeedle, int from) {
        int last = text.length() - lowerNeedle.length();
        char first = lowerNeedle.charAt(0);
        for (int i = Math.max(0, from); i <= last; i++) {
            if (Character.toLowerCase(text.charAt(i)) == first
                    && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return i;
            }
        }
        return -1;
    }
}
