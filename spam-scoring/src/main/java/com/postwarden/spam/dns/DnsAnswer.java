package com.postwarden.spam.dns;

import java.util.List;
import org.xbill.DNS.Record;

/** What one DNS question got: records, a definite "no such name or type", or a failure to get an answer. */
public sealed interface DnsAnswer {

    /** The records of the asked type (CNAMEs followed), never empty. */
    record Found(List<Record> records) implements DnsAnswer {
        public Found {
            records = List.copyOf(records);
        }
    }

    /** NXDOMAIN or no data of that type: a definite answer. */
    record NotFound() implements DnsAnswer {
    }

    /** No definite answer: time-out, SERVFAIL, refused or a malformed name. Callers report a temporary error. */
    record Failed(String reason) implements DnsAnswer {
    }

    NotFound NOT_FOUND = new NotFound();
}
