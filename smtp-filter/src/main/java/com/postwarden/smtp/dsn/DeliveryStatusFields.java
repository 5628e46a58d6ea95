package com.postwarden.smtp.dsn;

import com.postwarden.smtp.relay.RecipientResult;
import com.postwarden.smtp.reply.SmtpReply;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of the {@code message/delivery-status} part (RFC 3464 section 2): per-message fields, then a block of
 * per-recipient fields for each failure. The fields are US-ASCII; other characters become '?'. Long fields are
 * folded (RFC 5322 section 2.2.3).
 */
final class DeliveryStatusFields {
    private static final int FOLD_AT = 78;

    private DeliveryStatusFields() {
    }

    /** The lines of the part, without line ends; an empty line separates the blocks. */
    static List<String> lines(String reportingHost, String arrivalDate, String remoteHost,
                              List<RecipientResult> failures) {
        List<String> lines = new ArrayList<>();
        lines.add("Reporting-MTA: dns; " + ascii(reportingHost));
        lines.add("Arrival-Date: " + arrivalDate);
        for (RecipientResult failure : failures) {
            lines.add("");
            lines.add("Final-Recipient: rfc822; " + ascii(failure.recipient()));
            lines.add("Action: failed");
            lines.add("Status: " + status(failure.reply()));
            lines.add("Remote-MTA: dns; " + ascii(remoteHost));
            lines.addAll(fold("Diagnostic-Code: smtp; " + ascii(describe(failure.reply()))));
        }
        return lines;
    }

    /** RFC 3464 section 2.3.4: the enhanced code the reply carried, else the class of its basic code. */
    static String status(SmtpReply reply) {
        if (!reply.enhanced().isEmpty()) {
            return reply.enhanced();
        }
        return reply.code() / 100 + ".0.0";
    }

    /** The reply on one line: code, enhanced code, text. */
    static String describe(SmtpReply reply) {
        return reply.code() + (reply.enhanced().isEmpty() ? "" : " " + reply.enhanced()) + " " + reply.text();
    }

    static List<String> fold(String field) {
        List<String> lines = new ArrayList<>();
        String rest = field;
        while (rest.length() > FOLD_AT) {
            int space = rest.lastIndexOf(' ', FOLD_AT);
            if (space <= 0 || rest.substring(0, space).isBlank()) {
                space = rest.indexOf(' ', FOLD_AT);
                if (space < 0) {
                    break;
                }
            }
            lines.add(rest.substring(0, space));
            rest = rest.substring(space); // the space starts the continuation line
        }
        lines.add(rest);
        return lines;
    }

    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }
}
