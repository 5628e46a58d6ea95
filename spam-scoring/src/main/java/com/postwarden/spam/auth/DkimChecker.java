package com.postwarden.spam.auth;

import com.postwarden.spam.dns.DnsClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the DKIM signatures of a raw message (RFC 6376) with Apache James jDKIM, keys looked up through our
 * {@link DnsClient}. Thread-safe: each message gets its own jDKIM verifier, which keeps per-message results.
 * Never throws: a message jDKIM cannot read is one failed signature, not an exception.
 */
public final class DkimChecker {
    private static final Logger LOG = LoggerFactory.getLogger(DkimChecker.class);
    /** RFC 6008 recommends at least 8 characters of {@code b=} to tell signatures apart. */
    private static final int HEADER_B_LENGTH = 8;
    /** Signatures past this many are not verified: each costs an RSA operation and a DNS query. */
    public static final int MAX_SIGNATURES = 8;

    private final DkimKeyRetriever keys;

    public DkimChecker(DnsClient dns) {
        this.keys = new DkimKeyRetriever(Objects.requireNonNull(dns, "dns"));
    }

    public DkimOutcome verify(byte[] rawMessage) {
        Objects.requireNonNull(rawMessage, "rawMessage");
        DKIMVerifier verifier = new DKIMVerifier(keys);
        FailException failure = null;
        try {
            verifier.verify(new ByteArrayInputStream(rawMessage));
        } catch (FailException e) {
            failure = e;
        } catch (IOException | RuntimeException e) {
            LOG.debug("DKIM verification could not read the message", e);
            return hasSignatureField(rawMessage) ? new DkimOutcome(List.of(new DkimSignature("", "", "",
                    DkimVerdict.PERMERROR, "unreadable message: " + e.getClass().getSimpleName()))) : DkimOutcome.UNSIGNED;
        }
        List<DkimSignature> signatures = new ArrayList<>();
        for (Result result : verifier.getResults()) {
            if (signatures.size() == MAX_SIGNATURES) {
                break;
            }
            signatures.add(toSignature(result));
        }
        if (signatures.isEmpty() && failure != null) {
            signatures.add(new DkimSignature("", "", "", failure instanceof org.apache.james.jdkim.exceptions
                    .TempFailException ? DkimVerdict.TEMPERROR : DkimVerdict.PERMERROR, failure.getMessage()));
        }
        return new DkimOutcome(signatures);
    }

    private static DkimSignature toSignature(Result result) {
        SignatureRecord record = result.getRecord();
        String domain = "";
        String selector = "";
        String headerB = "";
        if (record != null) {
            domain = text(record.getDToken()).toLowerCase(Locale.ROOT);
            selector = text(record.getSelector());
            headerB = headerB(record.getRawSignature());
        }
        DkimVerdict verdict = DkimVerdict.of(result.getResultType());
        String reason = verdict == DkimVerdict.PASS ? "" : text(result.getErrorMessage());
        return new DkimSignature(domain, selector, headerB, verdict, reason);
    }

    private static String headerB(CharSequence rawSignature) {
        String raw = text(rawSignature).replaceAll("\\s", "");
        return raw.substring(0, Math.min(HEADER_B_LENGTH, raw.length()));
    }

    private static String text(CharSequence value) {
        return value == null ? "" : value.toString();
    }

    private static boolean hasSignatureField(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 1 << 16), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.startsWith("dkim-signature:") || head.contains("\ndkim-signature:");
    }
}
