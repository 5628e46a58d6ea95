package com.postwarden.e2e;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * XFORWARD support for a SubEtha server (Postfix XFORWARD_README): an EHLO that advertises the
 * extension and an XFORWARD command that records the attributes per session. Postfix sends
 * XFORWARD only to servers that advertise it, so a filter stand-in needs both.
 *
 * <p>Replaces SubEtha's EHLO, which is fine here because the sink offers no TLS and no AUTH.
 */
final class XforwardCommands {

    static final String ATTRIBUTES = "NAME ADDR PORT PROTO HELO IDENT SOURCE";

    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

    /** Attributes announced so far in this session's pending transaction; removes them. */
    Map<String, String> take(String sessionId) {
        Map<String, String> attributes = bySession.remove(sessionId);
        return attributes == null ? Map.of() : attributes;
    }

    BaseCommand ehlo(String hostName) {
        return new BaseCommand("EHLO", "Introduce yourself.", "<hostname>") {
            @Override
            public void execute(String commandString, Session session) throws IOException {
                String[] args = getArgs(commandString);
                if (args.length < 2) {
                    session.sendResponse("501 Syntax: EHLO hostname");
                    return;
                }
                session.resetMailTransaction();
                bySession.remove(session.getSessionId());
                session.setHelo(args[1]);
                session.sendResponse("250-" + hostName + "\r\n250-8BITMIME\r\n250-XFORWARD " + ATTRIBUTES
                        + "\r\n250 Ok");
            }
        };
    }

    BaseCommand xforward() {
        return new BaseCommand("XFORWARD", "Forward client attributes.", "NAME=value ...") {
            @Override
            public void execute(String commandString, Session session) throws IOException {
                if (session.isMailTransactionInProgress()) {
                    session.sendResponse("503 5.5.1 Error: MAIL transaction in progress");
                    return;
                }
                String[] args = getArgs(commandString);
                Map<String, String> parsed = new LinkedHashMap<>();
                for (int i = 1; i < args.length; i++) {
                    int eq = args[i].indexOf('=');
                    String name = eq > 0 ? args[i].substring(0, eq).toUpperCase(java.util.Locale.ROOT) : "";
                    if (!(" " + ATTRIBUTES + " ").contains(" " + name + " ")) {
                        session.sendResponse("501 5.5.4 Bad XFORWARD attribute: " + args[i]);
                        return;
                    }
                    parsed.put(name, args[i].substring(eq + 1));
                }
                if (parsed.isEmpty()) {
                    session.sendResponse("501 5.5.4 Syntax: XFORWARD attribute=value...");
                    return;
                }
                bySession.computeIfAbsent(session.getSessionId(), id -> new ConcurrentHashMap<>()).putAll(parsed);
                session.sendResponse("250 2.0.0 Ok");
            }
        };
    }
}
