package com.postwarden.smtp.message;

import com.postwarden.smtp.spool.MessageContent;
import java.io.IOException;
import java.util.Objects;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a message once, streaming, into a {@link ParsedMessage} (RFC 5322, MIME RFC 2045-2049, RFC 2231,
 * RFC 6532). Built on Mime4J's event parser: each leaf's content is decoded and passed once through size counting,
 * SHA-256, a 64 KB head for type detection and, for inline text, a bounded text buffer; no part is held whole.
 *
 * <p>Malformed MIME never throws: problems become {@linkplain ParsedMessage#defects() defects}, limits from
 * {@link MimeLimits} are enforced on the stream and reported in {@link ParsedMessage#limitsExceeded()}.
 * Encapsulated {@code message/rfc822} parts are parsed too; their parts appear with deeper paths.
 *
 * <p>Thread-safe and reusable: it holds only immutable configuration.
 */
public final class MessageParser {
    private static final Logger LOG = LoggerFactory.getLogger(MessageParser.class);

    private final MimeLimits limits;
    private final MimeConfig config;
    private final ContentSniffer sniffer = new ContentSniffer();

    public MessageParser(MimeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMalformedHeaderStartsBody(false) // skip a bad line and keep reading fields: see more, not less
                .setMaxLineLen(limits.maxHeaderLineLength())
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderFieldSize().toIntBytes())
                .setMaxContentLen(-1) // the message size is limited when it is received
                .build();
    }

    /**
     * Parses {@code content} from its first byte to its end.
     *
     * @throws IOException only when reading {@code content} itself fails
     */
    public ParsedMessage parse(MessageContent content) throws IOException {
        ModelBuilder model = new ModelBuilder(limits, sniffer);
        try (SourceStream in = new SourceStream(content.openStream())) {
            MimeStreamParser parser = new MimeStreamParser(new MimeTokenStream(config, model.defects(),
                    new EmptyHeaderTolerantFieldBuilder(config.getMaxHeaderLen()), null));
            parser.setContentDecoding(false); // transfer encodings are decoded by TransferDecoding
            parser.setContentHandler(new MimeEventHandler(model));
            try {
                parser.parse(in);
            } catch (ParseStopped e) {
                // the limit is recorded where it was reached
            } catch (MimeException e) {
                stopped(model, e);
            } catch (IOException e) {
                if (in.failure() != null) {
                    throw in.failure();
                }
                stopped(model, e);
            } catch (RuntimeException e) {
                if (!thrownByMime4j(e)) {
                    throw e;
                }
                LOG.debug("Mime4J failed on a message", e);
                aborted(model, e);
            }
        }
        return model.build();
    }

    private void stopped(ModelBuilder model, Exception e) {
        DefectLog defects = model.defects();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String path = defects.path();
        if (e instanceof MaxHeaderLimitException) {
            model.limitReached(path, MimeLimits.Limit.HEADER_COUNT,
                    "header field limit of " + limits.maxHeaderCount() + " reached");
        } else if (e instanceof MaxHeaderLengthLimitException) {
            model.limitReached(path, MimeLimits.Limit.HEADER_FIELD_SIZE,
                    "header field size limit of " + limits.maxHeaderFieldSize() + " reached");
        } else if (e instanceof MaxLineLimitException || cause instanceof MaxLineLimitException) {
            model.limitReached(path, MimeLimits.Limit.HEADER_LINE_LENGTH,
                    "header line length limit of " + limits.maxHeaderLineLength() + " reached");
        } else {
            aborted(model, e);
        }
    }

    private static void aborted(ModelBuilder model, Exception e) {
        model.defects().record(MimeDefect.Type.PARSE_ABORTED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Whether the innermost frame below the JDK is Mime4J's: a library failure on odd input, not a bug of ours. */
    private static boolean thrownByMime4j(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String className = frame.getClassName();
            if (!className.startsWith("java.") && !className.startsWith("jdk.")) {
                return className.startsWith("org.apache.james.mime4j.");
            }
        }
        return false;
    }
}
