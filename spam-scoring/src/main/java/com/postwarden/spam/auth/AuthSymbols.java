package com.postwarden.spam.auth;

import com.postwarden.spam.Symbol;

/**
 * The symbols of sender authentication with SpamAssassin's default scores (rules/50_scores.cf, the network-test
 * column, and the DMARC plugin's rules). Temporary DNS errors score 0: our own trouble says nothing of the sender.
 */
final class AuthSymbols {
    static final Symbol SPF_PASS = new Symbol("SPF_PASS", -0.001, "SPF: sender matches SPF record");
    static final Symbol SPF_FAIL = new Symbol("SPF_FAIL", 0.919, "SPF: sender does not match SPF record (fail)");
    static final Symbol SPF_SOFTFAIL = new Symbol("SPF_SOFTFAIL", 0.665,
            "SPF: sender does not match SPF record (softfail)");
    static final Symbol SPF_NEUTRAL = new Symbol("SPF_NEUTRAL", 0.779, "SPF: sender does not match SPF record (neutral)");
    static final Symbol SPF_NONE = new Symbol("SPF_NONE", 0.001, "SPF: sender does not publish an SPF record");
    static final Symbol SPF_TEMPERROR = new Symbol("SPF_TEMPERROR", 0, "SPF: DNS gave no answer (temperror)");
    static final Symbol SPF_PERMERROR = new Symbol("SPF_PERMERROR", 0.01, "SPF: the record cannot be evaluated");
    static final Symbol SPF_HELO_PASS = new Symbol("SPF_HELO_PASS", -0.001, "SPF: HELO matches SPF record");
    static final Symbol SPF_HELO_FAIL = new Symbol("SPF_HELO_FAIL", 0.001, "SPF: HELO does not match SPF record (fail)");
    static final Symbol SPF_HELO_SOFTFAIL = new Symbol("SPF_HELO_SOFTFAIL", 0.732,
            "SPF: HELO does not match SPF record (softfail)");
    static final Symbol SPF_HELO_NEUTRAL = new Symbol("SPF_HELO_NEUTRAL", 0.001,
            "SPF: HELO does not match SPF record (neutral)");
    static final Symbol SPF_HELO_NONE = new Symbol("SPF_HELO_NONE", 0.001, "SPF: HELO does not publish an SPF record");
    static final Symbol SPF_HELO_TEMPERROR = new Symbol("SPF_HELO_TEMPERROR", 0, "SPF: DNS gave no answer for HELO");
    static final Symbol SPF_HELO_PERMERROR = new Symbol("SPF_HELO_PERMERROR", 0.01,
            "SPF: the HELO record cannot be evaluated");

    static final Symbol DKIM_SIGNED = new Symbol("DKIM_SIGNED", 0.1, "Message has a DKIM or DK signature, not necessarily valid");
    static final Symbol DKIM_VALID = new Symbol("DKIM_VALID", -0.1, "Message has at least one valid DKIM or DK signature");
    static final Symbol DKIM_VALID_AU = new Symbol("DKIM_VALID_AU", -0.1,
            "Message has a valid DKIM or DK signature from author's domain");
    static final Symbol DKIM_INVALID = new Symbol("DKIM_INVALID", 0.1, "DKIM or DK signature exists, but is not valid");
    static final Symbol DKIM_TEMPERROR = new Symbol("DKIM_TEMPERROR", 0, "DKIM: DNS gave no answer for the key");

    static final Symbol DMARC_PASS = new Symbol("DMARC_PASS", -0.001, "DMARC pass policy");
    static final Symbol DMARC_REJECT = new Symbol("DMARC_REJECT", 0.3, "DMARC fail with reject policy");
    static final Symbol DMARC_QUAR = new Symbol("DMARC_QUAR", 0.2, "DMARC fail with quarantine policy");
    static final Symbol DMARC_NONE = new Symbol("DMARC_NONE", 0.1, "DMARC fail with none policy");
    static final Symbol DMARC_MISSING = new Symbol("DMARC_MISSING", 0.001, "Missing DMARC policy");
    static final Symbol DMARC_TEMPERROR = new Symbol("DMARC_TEMPERROR", 0, "DMARC: DNS gave no answer for the policy");

    private AuthSymbols() {
    }

    static Symbol spf(SpfVerdict verdict) {
        switch (verdict) {
            case PASS: return SPF_PASS;
            case FAIL: return SPF_FAIL;
            case SOFTFAIL: return SPF_SOFTFAIL;
            case NEUTRAL: return SPF_NEUTRAL;
            case NONE: return SPF_NONE;
            case TEMPERROR: return SPF_TEMPERROR;
            default: return SPF_PERMERROR;
        }
    }

    static Symbol spfHelo(SpfVerdict verdict) {
        switch (verdict) {
            case PASS: return SPF_HELO_PASS;
            case FAIL: return SPF_HELO_FAIL;
            case SOFTFAIL: return SPF_HELO_SOFTFAIL;
            case NEUTRAL: return SPF_HELO_NEUTRAL;
            case NONE: return SPF_HELO_NONE;
            case TEMPERROR: return SPF_HELO_TEMPERROR;
            default: return SPF_HELO_PERMERROR;
        }
    }

    static Symbol dmarcFailure(DmarcPolicy disposition) {
        switch (disposition) {
            case REJECT: return DMARC_REJECT;
            case QUARANTINE: return DMARC_QUAR;
            default: return DMARC_NONE;
        }
    }
}
