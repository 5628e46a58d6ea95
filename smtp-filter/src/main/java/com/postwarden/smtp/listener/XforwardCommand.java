package com.postwarden.smtp.listener;

import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.transaction.ForwardedClient;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Postfix's XFORWARD (XFORWARD_README): a trusted upstream MTA tells who the original client was, so that
 * filters judge that client rather than the MTA. Attributes accumulate until the next transaction ends.
 * Values are xtext (RFC 3461 section 4); {@code [UNAVAILABLE]} and {@code [TEMPUNAVAIL]} mean "unknown".
 */
final class XforwardCommand extends BaseCommand {
    static final List<String> ATTRIBUTES = List.of("NAME", "ADDR", "PORT", "PROTO", "HELO", "IDENT", "SOURCE");
    private static final int MAX_VALUE = 255;

    private final ListenerContext context;

    XforwardCommand(ListenerContext context) {
        super("XFORWARD", "Forward attributes of the original client.", "NAME=x ADDR=y PROTO=z HELO=w");
        this.context = context;
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        SessionState state = context.sessions().state(session);
        if (!state.trusted()) {
            ListenerContext.send(session, SmtpReplies.XFORWARD_NOT_AUTHORIZED);
            return;
        }
        if (session.isMailTransactionInProgress()) {
            ListenerContext.send(session, SmtpReplies.XFORWARD_IN_TRANSACTION);
            return;
        }
        String[] tokens = getArgs(command);
        if (tokens.length < 2) {
            ListenerContext.send(session, SmtpReplies.syntax("XFORWARD attribute=value ..."));
            return;
        }
        ForwardedClient f = state.forwarded();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            String name = eq < 0 ? "" : tokens[i].substring(0, eq).toUpperCase(Locale.ROOT);
            Optional<String> value = eq < 0 ? Optional.empty() : decode(tokens[i].substring(eq + 1));
            if (!ATTRIBUTES.contains(name) || (eq >= 0 && tokens[i].length() - eq - 1 > MAX_VALUE)) {
                ListenerContext.send(session, SmtpReplies.syntax("XFORWARD: bad attribute " + tokens[i]));
                return;
            }
            f = switch (name) {
                case "NAME" -> new ForwardedClient(value, f.address(), f.port(), f.protocol(), f.helo(), f.source());
                case "ADDR" -> new ForwardedClient(f.name(), value.map(XforwardCommand::stripIpv6Prefix), f.port(),
                        f.protocol(), f.helo(), f.source());
                case "PORT" -> new ForwardedClient(f.name(), f.address(), value, f.protocol(), f.helo(), f.source());
                case "PROTO" -> new ForwardedClient(f.name(), f.address(), f.port(), value, f.helo(), f.source());
                case "HELO" -> new ForwardedClient(f.name(), f.address(), f.port(), f.protocol(), value, f.source());
                case "SOURCE" -> new ForwardedClient(f.name(), f.address(), f.port(), f.protocol(), f.helo(), value);
                default -> f; // IDENT is accepted and not used
            };
        }
        state.forwarded(f);
        ListenerContext.send(session, SmtpReplies.OK);
    }

    /** xtext decoding; the "unknown" markers become empty. */
    static Optional<String> decode(String xtext) {
        StringBuilder out = new StringBuilder(xtext.length());
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && isHex(xtext, i + 1)) {
                out.append((char) Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        String value = out.toString();
        return value.equals("[UNAVAILABLE]") || value.equals("[TEMPUNAVAIL]") || value.isEmpty()
                ? Optional.empty() : Optional.of(value);
    }

    private static boolean isHex(String s, int at) {
        return at + 1 < s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }

    /** Postfix writes IPv6 client addresses as {@code IPv6:2001:db8::1}. */
    private static String stripIpv6Prefix(String address) {
        return address.regionMatches(true, 0, "IPv6:", 0, 5) ? address.substring(5) : address;
    }
}
