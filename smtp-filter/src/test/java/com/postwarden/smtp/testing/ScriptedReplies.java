package com.postwarden.smtp.testing;

import com.postwarden.smtp.reply.SmtpReply;

import java.util.ArrayList;
import java.util.List;

/** The normal replies of a {@link ScriptedSmtpServer}, worded like Postfix's. */
final class ScriptedReplies {
    private final SmtpScript script;

    ScriptedReplies(SmtpScript script) {
        this.script = script;
    }

    Response greeting() {
        return reply(220, "", script.hostname() + " ESMTP scripted");
    }

    Response ehlo(boolean offerTls) {
        List<String> lines = new ArrayList<>();
        lines.add(script.hostname());
        if (script.pipelining()) {
            lines.add("PIPELINING");
        }
        script.sizeLimit().ifPresent(limit -> lines.add(limit > 0 ? "SIZE " + limit : "SIZE"));
        if (offerTls && script.startTls().isPresent()) {
            lines.add("STARTTLS");
        }
        if (script.enhancedStatusCodes()) {
            lines.add("ENHANCEDSTATUSCODES");
        }
        if (script.eightBitMime()) {
            lines.add("8BITMIME");
        }
        return Response.reply(new SmtpReply(250, "", lines));
    }

    Response helo() {
        return reply(250, "", script.hostname());
    }

    Response ok() {
        return reply(250, "2.0.0", "Ok");
    }

    Response mailOk() {
        return reply(250, "2.1.0", "Ok");
    }

    Response rcptOk() {
        return reply(250, "2.1.5", "Ok");
    }

    Response startData() {
        return reply(354, "", "End data with <CR><LF>.<CR><LF>");
    }

    Response queued(int message) {
        return reply(250, "2.0.0", "Ok: queued as SCRIPTED" + message);
    }

    Response needMail() {
        return reply(503, "5.5.1", "Error: need MAIL command");
    }

    Response noValidRecipients() {
        return reply(554, "5.5.1", "Error: no valid recipients");
    }

    Response readyForTls() {
        return reply(220, "2.0.0", "Ready to start TLS");
    }

    Response unknownCommand() {
        return reply(502, "5.5.2", "Error: command not recognized");
    }

    Response bye() {
        return reply(221, "2.0.0", "Bye");
    }

    /** Without ENHANCEDSTATUSCODES the enhanced code is left out, as a server would. */
    private Response reply(int code, String enhanced, String text) {
        return Response.reply(code, script.enhancedStatusCodes() ? enhanced : "", text);
    }
}
