package com.postwarden.spam.auth;

import com.postwarden.spam.dns.DnsAnswer;
import com.postwarden.spam.dns.DnsClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * jSPF's view of DNS over our {@link DnsClient}: jSPF's own dnsjava service asks through dnsjava's process-wide
 * default cache, which would ignore our servers' cache and limits. Answers are converted by jSPF's own
 * {@link DNSServiceXBillImpl#convertRecordsToList} so its evaluator sees what it expects; any failure to get a
 * definite answer is jSPF's {@link TimeoutException}, which it reports as {@code temperror}.
 */
final class JspfDnsService implements DNSService {
    /** RFC 7208 section 4.6.4 allows 10 DNS-querying terms; jSPF enforces that itself and asks for this limit. */
    private static final int DEFAULT_RECORD_LIMIT = 10;

    private final DnsClient dns;
    private final String receivingHost;
    private volatile int recordLimit = DEFAULT_RECORD_LIMIT;

    JspfDnsService(DnsClient dns, String receivingHost) {
        this.dns = dns;
        this.receivingHost = receivingHost;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        int type = dnsType(request.getRecordType());
        if (type < 0) {
            return null;
        }
        DnsAnswer answer = dns.query(request.getHostname(), type);
        if (answer instanceof DnsAnswer.Failed) {
            throw new TimeoutException(((DnsAnswer.Failed) answer).reason());
        }
        if (answer instanceof DnsAnswer.Found) {
            return DNSServiceXBillImpl.convertRecordsToList(((DnsAnswer.Found) answer).records()
                    .toArray(new Record[0]));
        }
        return null;
    }

    @Override
    public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
        try {
            return CompletableFuture.completedFuture(getRecords(request));
        } catch (TimeoutException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public List<String> getLocalDomainNames() {
        return List.of(receivingHost);
    }

    /** Ignored: the time-out is the {@link DnsClient}'s, set from configuration. */
    @Override
    public void setTimeOut(int timeOut) {
        // the client's configured time-out applies
    }

    @Override
    public int getRecordLimit() {
        return recordLimit;
    }

    @Override
    public void setRecordLimit(int recordLimit) {
        this.recordLimit = recordLimit;
    }

    private static int dnsType(int jspfType) {
        switch (jspfType) {
            case DNSRequest.A: return Type.A;
            case DNSRequest.AAAA: return Type.AAAA;
            case DNSRequest.MX: return Type.MX;
            case DNSRequest.PTR: return Type.PTR;
            case DNSRequest.TXT: return Type.TXT;
            case DNSRequest.SPF: return Type.SPF;
            default: return -1;
        }
    }
}
