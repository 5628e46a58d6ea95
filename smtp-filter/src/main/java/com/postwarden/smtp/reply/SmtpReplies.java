package com.postwarden.smtp.reply;

import java.util.List;

/**
 * Every reply the gateway sends to an SMTP client, in one place (RFC 5321 codes, RFC 3463 enhanced codes).
 * Permanent conditions are 5xx; the gateway's own temporary trouble is 4xx, so the client keeps the message.
 */
public final class SmtpReplies {
    private SmtpReplies() {
    }

    public static SmtpReply ehlo(String hostname, String clientName, List<String> extensions) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(hostname + " greets " + clientName);
        lines.addAll(extensions);
        return new SmtpReply(250, "", lines);
    }

    public static SmtpReply helo(String hostname) {
        return new SmtpReply(250, "", List.of(hostname));
    }

    public static final SmtpReply OK = SmtpReply.of(250, "2.0.0", "Ok");
    public static final SmtpReply SENDER_OK = SmtpReply.of(250, "2.1.0", "Ok");
    public static final SmtpReply RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Ok");
    public static final SmtpReply BYE = SmtpReply.of(221, "2.0.0", "Bye");
    public static final SmtpReply CANNOT_VERIFY = SmtpReply.of(252, "2.5.2", "Cannot VRFY user, but will accept message");
    public static final SmtpReply COMMAND_DISABLED = SmtpReply.of(502, "5.5.1", "Error: command not offered");
    public static final SmtpReply START_DATA = SmtpReply.of(354, "", "End data with <CR><LF>.<CR><LF>");

    public static final SmtpReply SHUTTING_DOWN = SmtpReply.of(421, "4.3.2", "Service shutting down, try again later");
    public static final SmtpReply TOO_MANY_CONNECTIONS_FROM_CLIENT =
            SmtpReply.of(421, "4.7.0", "Too many connections from your address, try again later");
    public static final SmtpReply TOO_MANY_RECIPIENTS = SmtpReply.of(452, "4.5.3", "Too many recipients");
    public static final SmtpReply LOCAL_ERROR = SmtpReply.of(451, "4.3.0", "Local error in processing, try again later");

    public static final SmtpReply NEED_MAIL = SmtpReply.of(503, "5.5.1", "Error: need MAIL command");
    public static final SmtpReply NEED_RCPT = SmtpReply.of(503, "5.5.1", "Error: need RCPT command");
    public static final SmtpReply NESTED_MAIL = SmtpReply.of(503, "5.5.1", "Error: nested MAIL command");
    public static final SmtpReply XFORWARD_IN_TRANSACTION =
            SmtpReply.of(503, "5.5.1", "Error: XFORWARD not allowed inside a mail transaction");
    public static final SmtpReply XFORWARD_NOT_AUTHORIZED =
            SmtpReply.of(550, "5.7.0", "Error: insufficient authorization");
    public static final SmtpReply RELAY_DENIED = SmtpReply.of(554, "5.7.1", "Relay access denied");
    public static final SmtpReply DATA_AFTER_BDAT = SmtpReply.of(503, "5.5.1", "Error: DATA after BDAT");

    public static SmtpReply syntax(String what) {
        return SmtpReply.of(501, "5.5.4", "Syntax: " + what);
    }

    public static SmtpReply badSenderSyntax(String detail) {
        return SmtpReply.of(501, "5.1.7", "Bad sender address syntax: " + detail);
    }

    public static SmtpReply badRecipientSyntax(String detail) {
        return SmtpReply.of(501, "5.1.3", "Bad recipient address syntax: " + detail);
    }

    public static SmtpReply unsupportedParameter(String parameter) {
        return SmtpReply.of(555, "5.5.4", "Unsupported option: " + parameter);
    }

    public static SmtpReply chunkReceived(long octets) {
        return SmtpReply.of(250, "2.0.0", octets + " octets received");
    }

    public static SmtpReply messageTooBig(long limit) {
        return SmtpReply.of(552, "5.3.4", "Message size exceeds fixed limit of " + limit + " bytes");
    }

    public static SmtpReply lineTooLong(int limit) {
        return SmtpReply.of(552, "5.3.4", "Message has a line longer than " + limit + " bytes");
    }

    public static SmtpReply headerTooBig(long limit) {
        return SmtpReply.of(552, "5.3.4", "Message header section exceeds " + limit + " bytes");
    }

    public static SmtpReply accepted(String id, SmtpReply nextHop) {
        return SmtpReply.of(250, "2.0.0", "Ok: " + id + " relayed, next hop said: " + nextHop.toWire().replace("\r\n", " "));
    }

    public static SmtpReply partiallyAccepted(String id, int rejected) {
        return SmtpReply.of(250, "2.0.0", "Ok: " + id + " relayed; " + rejected
                + " recipient(s) refused by the next hop, a delivery status notification was sent");
    }

    /** The next hop or a required peer failed temporarily: the client keeps the message and retries. */
    public static SmtpReply temporaryFailure(String id, SmtpReply cause) {
        String enhanced = cause.isTransientFailure() && !cause.enhanced().isEmpty() ? cause.enhanced() : "4.4.0";
        return SmtpReply.of(451, enhanced, "Try again later: " + id + " not relayed: " + cause.text());
    }

    /** Every recipient was permanently refused by the next hop: pass its verdict on. */
    public static SmtpReply permanentFailure(String id, SmtpReply cause) {
        String enhanced = !cause.enhanced().isEmpty() ? cause.enhanced() : "5.0.0";
        return SmtpReply.of(cause.isPermanentFailure() ? cause.code() : 554, enhanced,
                id + " refused by the next hop: " + cause.text());
    }

    /** A signature matched: refused for good, naming the detection as ClamAV-fed gateways do. */
    public static SmtpReply infected(String id, String signature) {
        return SmtpReply.of(554, "5.7.1", "Message " + id + " rejected: virus found: " + printable(signature));
    }

    /** The message could not be scanned completely and the configuration asks the client to keep it. */
    public static SmtpReply unscannable(String id, String reason) {
        return SmtpReply.of(451, "4.7.0", "Try again later: " + id + " could not be scanned: " + printable(reason));
    }

    /** A required external engine did not scan an attachment (unreachable, failing, too large): keep the message. */
    public static SmtpReply engineUnavailable(String id, String engine) {
        return SmtpReply.of(451, "4.7.0", "Try again later: " + id + " could not be scanned by " + printable(engine));
    }

    /** Scanning itself failed (disk, a damaged spool): our trouble, so the client keeps the message. */
    public static SmtpReply scanFailed(String id) {
        return SmtpReply.of(451, "4.3.0", "Try again later: " + id + " could not be scanned");
    }

    private static String printable(String text) {
        return PrintableAscii.of(text, 200);
    }
}
