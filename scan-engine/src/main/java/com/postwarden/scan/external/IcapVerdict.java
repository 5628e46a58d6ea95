package com.postwarden.scan.external;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the verdict out of the final reply to {@code RESPMOD}. {@code 204} is clean. {@code 200} names a
 * threat in {@code X-Infection-Found} ({@code Type=0; Resolution=2; Threat=NAME;}), {@code X-Violations-Found}
 * (count, then per violation four folded lines: file, threat, id, disposition) or {@code X-Virus-ID}; a 200
 * whose encapsulated response is an HTTP error (a block page) is blocked; a 200 that returns the very object
 * sent is clean; any other change to the object counts as a detection. Other statuses are failures.
 */
final class IcapVerdict {

    static final String BLOCKED = "ICAP.Blocked";
    static final String MODIFIED = "ICAP.Modified";

    private IcapVerdict() {
    }

    static ExternalResult of(IcapResponse reply, long sentSize, byte[] sentSha256, String engine) {
        if (reply.status() == 204) {
            return ExternalResult.clean();
        }
        if (reply.status() != 200) {
            return new ExternalResult.Failed(engine + ": ICAP " + reply.status() + " " + ClamdReply.quote(reply.reason()));
        }
        Optional<String> threat = threat(reply.headers());
        if (threat.isPresent()) {
            return new ExternalResult.Infected(threat.get());
        }
        boolean flagged = reply.headers().first("X-Infection-Found").isPresent()
                || reply.headers().first("X-Violations-Found").isPresent()
                || reply.headers().first("X-Virus-ID").isPresent();
        if (flagged || reply.httpStatus().isPresent() && reply.httpStatus().getAsInt() >= 400) {
            return new ExternalResult.Infected(BLOCKED);
        }
        boolean unchanged = reply.body() == null
                ? sentSize == 0
                : reply.body().length() == sentSize && Arrays.equals(reply.body().sha256(), sentSha256);
        return unchanged ? ExternalResult.clean() : new ExternalResult.Infected(MODIFIED);
    }

    static Optional<String> threat(IcapHeaders headers) {
        Optional<String> infection = headers.first("X-Infection-Found").flatMap(IcapVerdict::threatParameter);
        if (infection.isPresent()) {
            return infection;
        }
        Optional<String> violation = headers.first("X-Violations-Found").flatMap(IcapVerdict::violationName);
        if (violation.isPresent()) {
            return violation;
        }
        return headers.first("X-Virus-ID").map(String::strip).filter(s -> !s.isEmpty()).map(ClamdReply::quote);
    }

    private static Optional<String> threatParameter(String value) {
        for (String parameter : value.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "Threat=", 0, 7) && p.length() > 7) {
                return Optional.of(ClamdReply.quote(p.substring(7).strip()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> violationName(String value) {
        String[] lines = value.split("\n");
        return lines.length >= 3 && !lines[2].isBlank()
                ? Optional.of(ClamdReply.quote(lines[2].strip()))
                : Optional.empty();
    }
}
