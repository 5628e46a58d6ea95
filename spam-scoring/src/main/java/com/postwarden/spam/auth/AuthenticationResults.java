package com.postwarden.spam.auth;

import com.postwarden.spam.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the value of an {@code Authentication-Results:} header field (RFC 8601 section 2.2) from the results of
 * one message, for the pipeline to add. Values that are not RFC 8601 tokens or addresses are quoted; reasons are
 * put in comments with parentheses and control characters removed.
 */
public final class AuthenticationResults {
    private static final Pattern TOKEN_OR_ADDRESS = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-./=?^_`{|}~@]+");
    private static final int MAX_VALUE_LENGTH = 256;

    private AuthenticationResults() {
    }

    /**
     * @param authservId the receiving gateway's authentication service identifier (usually its host name)
     * @param spf        the SPF outcome; empty when SPF was not checked
     * @param envelope   the envelope the SPF identities came from
     * @param dkim       the DKIM outcome
     * @param dmarc      the DMARC outcome
     */
    public static String value(String authservId, Optional<SpfOutcome> spf, Envelope envelope, DkimOutcome dkim,
                               DmarcOutcome dmarc) {
        Objects.requireNonNull(authservId, "authservId");
        List<String> results = new ArrayList<>();
        spf.ifPresent(s -> {
            String mailFrom = envelope.mailFrom().isEmpty() ? s.mailFromDomain() : envelope.mailFrom();
            results.add("spf=" + s.mailFrom().word() + " smtp.mailfrom=" + pvalue(mailFrom));
            s.helo().ifPresent(h -> results.add("spf=" + h.word() + " smtp.helo="
                    + pvalue(envelope.helo().orElse("").strip())));
        });
        for (DkimSignature signature : dkim.signatures()) {
            StringBuilder dkimResult = new StringBuilder("dkim=").append(signature.verdict().word());
            if (!signature.reason().isEmpty()) {
                dkimResult.append(" (").append(comment(signature.reason())).append(')');
            }
            if (!signature.domain().isEmpty()) {
                dkimResult.append(" header.d=").append(pvalue(signature.domain()));
            }
            if (!signature.selector().isEmpty()) {
                dkimResult.append(" header.s=").append(pvalue(signature.selector()));
            }
            if (!signature.headerB().isEmpty()) {
                dkimResult.append(" header.b=").append(pvalue(signature.headerB()));
            }
            results.add(dkimResult.toString());
        }
        dmarc.fromDomain().ifPresent(from -> {
            StringBuilder dmarcResult = new StringBuilder("dmarc=").append(dmarc.result().word());
            dmarc.policy().ifPresent(p -> dmarcResult.append(" (p=").append(p.word())
                    .append(" dis=").append(dmarc.disposition().word()).append(')'));
            dmarcResult.append(" header.from=").append(pvalue(from));
            results.add(dmarcResult.toString());
        });
        String id = pvalue(authservId);
        return results.isEmpty() ? id + "; none" : id + ";\r\n\t" + String.join(";\r\n\t", results);
    }

    static String pvalue(String value) {
        String cut = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
        if (!cut.isEmpty() && TOKEN_OR_ADDRESS.matcher(cut).matches()) {
            return cut;
        }
        return '"' + cut.replaceAll("[\\p{Cntrl}]", "").replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String comment(String text) {
        String cut = text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) : text;
        return cut.replaceAll("[\\p{Cntrl}()\\\\]", " ").strip();
    }
}
