package com.postwarden.smtp.listener;

import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The argument of MAIL FROM / RCPT TO (RFC 5321 section 4.1.2): a path and ESMTP parameters, tokenized with
 * bounds. Parsing never throws; a problem is returned as a {@link Problem} for the caller to answer.
 *
 * @param address    the mailbox, empty for the null path {@code <>}
 * @param parameters keyword (upper case) to value (empty when the keyword has none), in order
 */
record CommandArguments(String address, Map<String, String> parameters) {

    /** What was wrong with the argument. */
    enum Problem { SYNTAX, ADDRESS, PARAMETER }

    /** Either arguments or the problem with them. */
    record Parsed(Optional<CommandArguments> arguments, Problem problem, String detail) {
        static Parsed ok(CommandArguments a) {
            return new Parsed(Optional.of(a), null, "");
        }

        static Parsed problem(Problem problem, String detail) {
            return new Parsed(Optional.empty(), problem, detail);
        }

        /** The reply for a problem: 501 for syntax and addresses (5.1.7 sender, 5.1.3 recipient), 555 for options. */
        SmtpReply refusal(String usage, boolean sender) {
            return switch (problem) {
                case SYNTAX -> SmtpReplies.syntax(usage);
                case ADDRESS -> sender ? SmtpReplies.badSenderSyntax(detail) : SmtpReplies.badRecipientSyntax(detail);
                case PARAMETER -> SmtpReplies.unsupportedParameter(detail);
            };
        }
    }

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_PARAMETERS = 16;
    private static final Pattern ATOM_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern QUOTED_LOCAL = Pattern.compile("\"([\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\"");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[[\\x21-\\x5A\\x5E-\\x7E]{1,253}\\]");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final Pattern VALUE = Pattern.compile("[\\x21-\\x3C\\x3E-\\x7E]{1,500}");

    /**
     * @param argument the text after the verb, e.g. {@code FROM:<a@example.com> SIZE=100}
     * @param prefix   {@code FROM:} or {@code TO:}
     * @param nullPathAllowed whether {@code <>} is acceptable (MAIL only)
     */
    static Parsed parse(String argument, String prefix, boolean nullPathAllowed) {
        String text = argument.strip();
        if (!text.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Parsed.problem(Problem.SYNTAX, "expected " + prefix + "<address>");
        }
        text = text.substring(prefix.length()).stripLeading();
        String path;
        String rest;
        if (text.startsWith("<")) {
            int close = text.indexOf('>');
            if (close < 0) {
                return Parsed.problem(Problem.ADDRESS, "missing '>'");
            }
            path = text.substring(1, close);
            rest = text.substring(close + 1);
        } else {
            int space = text.indexOf(' ');
            path = space < 0 ? text : text.substring(0, space);
            rest = space < 0 ? "" : text.substring(space);
        }
        if (!rest.isEmpty() && !rest.startsWith(" ")) {
            return Parsed.problem(Problem.SYNTAX, "expected a space before parameters");
        }
        Optional<String> address = mailbox(stripSourceRoute(path), nullPathAllowed, prefix.startsWith("TO"));
        if (address.isEmpty()) {
            return Parsed.problem(Problem.ADDRESS, "<" + path + ">");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String token : rest.strip().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String keyword = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            if (!KEYWORD.matcher(keyword).matches() || (eq >= 0 && !VALUE.matcher(value).matches())
                    || parameters.size() >= MAX_PARAMETERS) {
                return Parsed.problem(Problem.PARAMETER, token);
            }
            parameters.put(keyword.toUpperCase(Locale.ROOT), value);
        }
        return Parsed.ok(new CommandArguments(address.get(), parameters));
    }

    /** RFC 5321 still allows {@code @relay1,@relay2:user@domain}; the route is ignored (section C). */
    private static String stripSourceRoute(String path) {
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            return colon < 0 ? path : path.substring(colon + 1);
        }
        return path;
    }

    private static Optional<String> mailbox(String path, boolean nullPathAllowed, boolean recipient) {
        if (path.isEmpty()) {
            return nullPathAllowed ? Optional.of("") : Optional.empty();
        }
        if (recipient && path.equalsIgnoreCase("postmaster")) {
            return Optional.of(path); // RFC 5321 section 4.5.1: always accepted without a domain
        }
        int at = path.lastIndexOf('@');
        if (at <= 0 || at == path.length() - 1) {
            return Optional.empty();
        }
        String local = path.substring(0, at);
        String domain = path.substring(at + 1);
        boolean localOk = local.length() <= MAX_LOCAL_PART
                && (ATOM_LOCAL.matcher(local).matches() && !local.startsWith(".") && !local.endsWith(".")
                && !local.contains("..") || QUOTED_LOCAL.matcher(local).matches());
        boolean domainOk = domain.length() <= MAX_DOMAIN
                && (DOMAIN.matcher(domain).matches() || ADDRESS_LITERAL.matcher(domain).matches());
        return localOk && domainOk ? Optional.of(path) : Optional.empty();
    }

    /** The domain of the address, lower case; empty for {@code <>} and {@code <postmaster>}. */
    String domain() {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
