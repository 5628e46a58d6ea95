package com.postwarden.smtp.spam;

import com.postwarden.smtp.pipeline.AddedHeader;
import com.postwarden.smtp.pipeline.MessageContext;
import com.postwarden.smtp.pipeline.Stage;
import com.postwarden.smtp.pipeline.StageResult;
import com.postwarden.smtp.transaction.ReceivedMessage;
import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamEngine;
import com.postwarden.spam.SpamResult;
import com.postwarden.spam.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each message and marks it the way admins and mail clients expect: {@code X-Spam-Status},
 * {@code X-Spam-Score}, {@code X-Spam-Flag: YES} and a tagged subject on spam. Until per-recipient policies exist,
 * spam is delivered tagged, never refused or dropped. Messages larger than {@code maxSize} are not scored (as
 * SpamAssassin's clients skip them): spam is small, and scoring a 20 MB attachment's text buys nothing.
 * Thread-safe; the scorer is fetched per message, so a reload applies to the next one.
 */
public final class SpamStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(SpamStage.class);

    private final Supplier<SpamEngine> engine;
    private final String subjectTag;
    private final long maxSize;

    public SpamStage(Supplier<SpamEngine> engine, String subjectTag, long maxSize) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.subjectTag = Objects.requireNonNull(subjectTag, "subjectTag");
        this.maxSize = maxSize;
    }

    @Override
    public String name() {
        return "spam";
    }

    @Override
    public StageResult apply(MessageContext context) {
        ReceivedMessage message = context.message();
        if (message.content().size() > maxSize) {
            return new StageResult.Continue(context.withFinding("spam=skipped:larger than " + maxSize + " bytes"));
        }
        byte[] raw;
        try (InputStream in = message.content().openStream()) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            LOG.warn("{}: cannot read the message for spam scoring: {}", message.id(), e.toString());
            return new StageResult.Continue(context.withFinding("spam=skipped:unreadable"));
        }
        long start = System.nanoTime();
        SpamEngine.Scored scored = engine.get().score(raw, envelope(message));
        SpamResult result = scored.result();
        long micros = (System.nanoTime() - start) / 1000;
        MessageContext marked = context;
        if (scored.authenticationResults().isPresent()) {
            marked = marked.withHeader(new AddedHeader("Authentication-Results", scored.authenticationResults().get()));
        }
        for (AddedHeader header : SpamHeaders.of(result)) {
            marked = marked.withHeader(header);
        }
        if (result.isSpam() && !subjectTag.isEmpty()) {
            marked = marked.withSubjectTag(subjectTag);
        }
        String symbols = result.symbols().stream().map(SpamStage::describe).collect(Collectors.joining(","));
        return new StageResult.Continue(marked.withFinding("spam=" + (result.isSpam() ? "yes" : "no") + " score="
                + SpamHeaders.format(result.score()) + " symbols=" + symbols + " spam_ms=" + micros / 1000.0));
    }

    private static Envelope envelope(ReceivedMessage message) {
        Optional<InetAddress> client = literalAddress(message.client().originalAddress());
        String helo = message.client().originalHelo();
        return new Envelope(client, helo.isEmpty() ? Optional.empty() : Optional.of(helo), message.envelope().sender(),
                message.envelope().recipients());
    }

    /** The address written as {@code text}; empty for anything but an IP literal, so that no lookup happens. */
    private static Optional<InetAddress> literalAddress(String written) {
        // Postfix's XFORWARD writes IPv6 addresses as IPV6:2001:db8::1
        String text = written.regionMatches(true, 0, "IPv6:", 0, 5) ? written.substring(5) : written;
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** For the log line: a symbol with its score. */
    private static String describe(Symbol symbol) {
        return symbol.name() + "=" + SpamHeaders.format(symbol.score());
    }
}
