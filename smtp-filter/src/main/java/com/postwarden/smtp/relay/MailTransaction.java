package com.postwarden.smtp.relay;

import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.MessageContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * One mail transaction (RFC 5321 section 3.3) on an open session: MAIL FROM, RCPT TO for each recipient, DATA,
 * the message, and RSET when it did not get that far.
 *
 * <p>With PIPELINING (RFC 2920) MAIL, the RCPTs and DATA go out in one write and the replies are read in order;
 * a long recipient list is cut into groups of {@value #MAX_PIPELINED_COMMANDS} commands, so that neither side
 * blocks writing while the other does (section 3.1). Without it, each command waits for its reply; the same
 * loop with groups of one. No RCPT is sent after MAIL was refused, and no DATA when no recipient was accepted.
 */
final class MailTransaction {
    private static final Logger log = LoggerFactory.getLogger(MailTransaction.class);
    static final int MAX_PIPELINED_COMMANDS = 100;
    private static final int COPY_BUFFER = 64 * 1024;

    private final SmtpConnection connection;
    private final RelayRequest request;
    private final OutboundSettings settings;
    private final TransactionReplies replies;
    private boolean resetPending;

    MailTransaction(SmtpConnection connection, RelayRequest request, OutboundSettings settings,
                    TransactionReplies replies) {
        this.connection = connection;
        this.request = request;
        this.settings = settings;
        this.replies = replies;
    }

    /**
     * Starts the transaction on a reused pipelining session with RSET in the same write as MAIL (RFC 2920 allows
     * it), so that the check that the session is still alive costs no round trip of its own. If that RSET is
     * not answered positively, {@link #run()} throws {@link StaleSessionException}.
     */
    MailTransaction afterReset() {
        resetPending = true;
        return this;
    }

    /**
     * Runs the transaction, recording every reply in the {@link TransactionReplies}.
     *
     * @return whether the session is in a clean state for another transaction
     * @throws IOException when the session failed; the replies recorded so far stay valid
     */
    boolean run() throws IOException {
        Capabilities capabilities = connection.capabilities();
        long size = request.content().size();
        if (capabilities.exceedsSize(size)) {
            replies.mail(RelayReplies.messageTooBig(connection.peer(), size, capabilities.maxSize()));
            return true;
        }
        if (resetPending) {
            connection.send("RSET");
        }
        List<String> commands = commands(capabilities, size);
        exchange(commands, capabilities.pipelining() ? MAX_PIPELINED_COMMANDS : 1);
        if (!replies.dataStarted()) {
            return reset();
        } else if (replies.acceptedCount() == 0 || replies.mailRefused()) {
            return endEmptyData();
        }
        transferContent();
        return true;
    }

    private List<String> commands(Capabilities capabilities, long size) {
        StringBuilder mail = new StringBuilder("MAIL FROM:<").append(request.sender()).append('>');
        if (capabilities.size()) {
            mail.append(" SIZE=").append(size);
        }
        if (request.eightBitMime() && capabilities.eightBitMime()) {
            mail.append(" BODY=8BITMIME");
        }
        List<String> commands = new ArrayList<>(request.recipients().size() + 2);
        commands.add(mail.toString());
        request.recipients().forEach(recipient -> commands.add("RCPT TO:<" + recipient + ">"));
        commands.add("DATA");
        return commands;
    }

    private void exchange(List<String> commands, int groupSize) throws IOException {
        int count = commands.size();
        for (int start = 0; start < count && worthSending(start, count); start += groupSize) {
            int end = Math.min(start + groupSize, count);
            for (int i = start; i < end; i++) {
                connection.send(commands.get(i));
            }
            connection.flush(settings.commandTimeout());
            if (resetPending) {
                readReset();
            }
            for (int i = start; i < end; i++) {
                String awaiting = "the reply to " + SmtpConnection.verb(commands.get(i));
                record(i, count, connection.read(settings.commandTimeout(), awaiting));
            }
        }
    }

    private void readReset() throws IOException {
        resetPending = false;
        SmtpReply reply;
        try {
            reply = connection.read(settings.commandTimeout(), "the reply to RSET");
        } catch (IOException e) {
            throw new StaleSessionException("no reply to RSET: " + e.getMessage());
        }
        if (!reply.isPositive()) {
            throw new StaleSessionException("RSET refused: " + reply);
        }
    }

    private boolean worthSending(int start, int count) {
        if (replies.mailRefused()) {
            return false;
        }
        boolean onlyData = start == count - 1;
        return !(onlyData && replies.mailAnswered() && replies.acceptedCount() == 0);
    }

    private void record(int index, int count, SmtpReply reply) throws IOException {
        if (index == 0) {
            replies.mail(reply);
        } else if (index < count - 1) {
            replies.rcpt(index - 1, reply);
        } else if (reply.isPositive() && reply.code() != 354) {
            throw new ProtocolException("unexpected reply to DATA: " + reply);
        } else {
            replies.data(reply);
        }
    }

    private void transferContent() throws IOException {
        DotStuffingOutputStream data = connection.openData(settings.dataTimeout());
        InputStream in = openContent(request.content());
        try {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = readContent(in, buffer)) >= 0) {
                data.write(buffer, 0, n);
            }
        } finally {
            closeContent(in);
        }
        data.finish();
        replies.end(connection.read(settings.dataTimeout(), "the reply to the end of the message data"));
    }

    /**
     * DATA was accepted although no recipient was; RFC 2920 section 3.1 has the client end the (empty) data so
     * that the session stays in step. The next hop's reply to it does not count, nor does a failure here: the
     * outcome is already decided.
     */
    private boolean endEmptyData() {
        try {
            connection.send(".");
            connection.flush(settings.commandTimeout());
            connection.read(settings.commandTimeout(), "the reply to an empty message");
        } catch (IOException e) {
            log.debug("next hop {}: ending empty data failed: {}", connection.peer(), e.getMessage());
            return false;
        }
        return reset();
    }

    /** Leaves the session clean after a refused transaction; its outcome is already decided, whatever RSET does. */
    private boolean reset() {
        try {
            return connection.command("RSET", settings.commandTimeout()).isPositive();
        } catch (IOException e) {
            log.debug("next hop {}: RSET after a refused transaction failed: {}", connection.peer(), e.getMessage());
            return false;
        }
    }

    private static InputStream openContent(MessageContent content) throws IOException {
        try {
            return content.openStream();
        } catch (IOException e) {
            throw new RelayFailure(RelayReplies.localReadError(), "cannot open the message: " + e);
        }
    }

    private void closeContent(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            log.debug("closing the message content: {}", e.getMessage());
        }
    }

    /** A local read failure must not look like the next hop's; the data is then aborted, never terminated. */
    private static int readContent(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new RelayFailure(RelayReplies.localReadError(), "cannot read the message: " + e);
        }
    }
}
