package com.postwarden.smtp.pipeline;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.smtp.dsn.DeliveryStatusNotifications;
import com.postwarden.smtp.message.MessageParser;
import com.postwarden.smtp.message.MimeLimits;
import com.postwarden.smtp.relay.RelayClient;
import com.postwarden.smtp.message.ParsedMessage;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.MessageContent;
import com.postwarden.smtp.transaction.MessageReceiver;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message path after DATA: parse once, run the pipeline stages, deliver, log, and return the reply owed
 * upstream. One instance serves one configuration; a reload builds a new one while messages in flight finish
 * with the old. Thread-safe.
 */
public final class MessageProcessor implements MessageReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

    private final MessageParser parser;
    private final Pipeline pipeline;
    private final TraceHeaders trace;
    private final Delivery delivery;
    private final MessageLog log = new MessageLog();

    MessageProcessor(MessageParser parser, Pipeline pipeline, TraceHeaders trace, Delivery delivery) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.trace = trace;
        this.delivery = delivery;
    }

    /**
     * The processor for one configuration: the given stages between parsing and delivery through {@code relay}.
     */
    public static MessageProcessor create(GatewayConfig config, RelayClient relay, List<Stage> stages) {
        String hostname = config.smtp().hostname();
        return new MessageProcessor(new MessageParser(MimeLimits.defaults()), new Pipeline(stages),
                new TraceHeaders(hostname, ZoneId.systemDefault()),
                new Delivery(relay, new DeliveryStatusNotifications(hostname, Clock.systemUTC()), config.smtp().nextHop()));
    }

    @Override
    public SmtpReply receive(ReceivedMessage message) {
        long start = System.nanoTime();
        ParsedMessage parsed;
        try {
            parsed = parser.parse(message.content());
        } catch (IOException e) {
            throw new UncheckedIOException(message.id() + ": cannot read the spooled message", e);
        }
        StageResult result = pipeline.run(MessageContext.of(message, parsed));
        Delivery.Result outcome = act(message, result);
        List<String> findings = result instanceof StageResult.Continue next ? next.context().findings() : List.of();
        log.record(message, outcome.outcome(), outcome.reply(), outcome.nextHop(), findings,
                (System.nanoTime() - start) / 1_000_000);
        return outcome.reply();
    }

    private Delivery.Result act(ReceivedMessage message, StageResult result) {
        if (result instanceof StageResult.Continue next) {
            return delivery.deliver(message, withTrace(next.context()));
        } else if (result instanceof StageResult.Reject reject) {
            return new Delivery.Result(reject.reply(), MessageLog.Outcome.REJECTED, "not relayed: " + reject.reason());
        } else if (result instanceof StageResult.TemporaryFailure failure) {
            return new Delivery.Result(failure.reply(), MessageLog.Outcome.TEMPFAIL, "not relayed: " + failure.reason());
        } else if (result instanceof StageResult.Discard discard) {
            return new Delivery.Result(SmtpReplies.OK, MessageLog.Outcome.DISCARDED, "discarded: " + discard.reason());
        }
        throw new IllegalStateException("unknown stage result " + result);
    }

    private MessageContent withTrace(MessageContext context) {
        MessageContent content = context.message().content();
        if (!context.subjectTag().isEmpty()) {
            try {
                content = SubjectTagging.tag(content, context.subjectTag());
            } catch (IOException e) {
                throw new UncheckedIOException(context.message().id() + ": cannot read the spooled message", e);
            }
        }
        return MessageContent.concat(trace.prefix(context, "passed"), content);
    }
}
