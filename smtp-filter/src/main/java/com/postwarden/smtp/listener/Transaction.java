package com.postwarden.smtp.listener;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * The state of one mail transaction, from MAIL to the end of DATA or RSET. SubEtha creates it at MAIL (through
 * the factory) and calls {@link #done()} when the transaction ends for any reason, which is when it stops
 * counting as in flight. The gateway's own commands fill it; SubEtha's callbacks are not used.
 */
final class Transaction implements MessageHandler {
    private final InFlight inFlight;
    private String sender = "";
    private long declaredSize;
    private boolean eightBitMime;
    private final Set<String> recipients = new LinkedHashSet<>();
    private boolean done;
    private ChunkedMessage chunks;

    Transaction(InFlight inFlight) {
        this.inFlight = inFlight;
        inFlight.begin();
    }

    void start(String sender, long declaredSize, boolean eightBitMime) {
        this.sender = sender;
        this.declaredSize = declaredSize;
        this.eightBitMime = eightBitMime;
    }

    void addRecipient(String recipient) {
        recipients.add(recipient);
    }

    String sender() {
        return sender;
    }

    long declaredSize() {
        return declaredSize;
    }

    boolean eightBitMime() {
        return eightBitMime;
    }

    int recipientCount() {
        return recipients.size();
    }

    List<String> recipients() {
        return new ArrayList<>(recipients);
    }

    /** The message being received in BDAT chunks, once the first chunk arrived. */
    Optional<ChunkedMessage> chunks() {
        return Optional.ofNullable(chunks);
    }

    ChunkedMessage startChunks(ChunkedMessage first) {
        chunks = first;
        return first;
    }

    @Override
    public void from(String from) {
        // filled by the gateway's MAIL command
    }

    @Override
    public void recipient(String recipient) {
        // filled by the gateway's RCPT command
    }

    @Override
    public String data(InputStream data) throws RejectException {
        throw new RejectException(502, "5.5.1 Error: not used"); // DATA and BDAT have their own commands
    }

    @Override
    public void done() {
        if (!done) {
            done = true;
            inFlight.end();
            if (chunks != null) {
                chunks.discard();
            }
        }
    }
}
