package com.postwarden.smtp.scan;

import com.postwarden.policies.config.ScanSettings.UnscannableAction;
import com.postwarden.scan.ScanEngine;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.Verdict;
import com.postwarden.smtp.pipeline.AddedHeader;
import com.postwarden.smtp.pipeline.MessageContext;
import com.postwarden.smtp.pipeline.Stage;
import com.postwarden.smtp.pipeline.StageResult;
import com.postwarden.smtp.reply.PrintableAscii;
import com.postwarden.smtp.reply.SmtpReplies;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans the whole message, every part and attachment at any depth, with the built-in engine. Until per-recipient
 * policies exist: infected mail is refused with 554 5.7.1 naming the detection, unscannable mail passes with a
 * header or is deferred with 451 as configured, and clean mail gets {@code X-Postwarden-Virus: clean}.
 * Thread-safe; the engine is fetched per message, so a reloaded signature database applies to the next one.
 */
public final class ScanStage implements Stage {
    static final String HEADER = "X-Postwarden-Virus";
    private static final Logger LOG = LoggerFactory.getLogger(ScanStage.class);

    private final Supplier<ScanEngine> engine;
    private final UnscannableAction unscannable;

    public ScanStage(Supplier<ScanEngine> engine, UnscannableAction unscannable) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.unscannable = Objects.requireNonNull(unscannable, "unscannable");
    }

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public StageResult apply(MessageContext context) {
        String id = context.message().id();
        ScanReport report;
        try (InputStream in = context.message().content().openStream()) {
            report = engine.get().scanMail(in, id);
        } catch (IOException e) {
            LOG.warn("{}: scanning failed: {}", id, e.toString());
            return new StageResult.TemporaryFailure(SmtpReplies.scanFailed(id), "scan failed: " + e.getMessage());
        }
        Verdict verdict = report.verdict();
        String cost = " bytes=" + report.bytesScanned() + " objects=" + report.objectsScanned()
                + " ms=" + report.elapsed().toMillis();
        if (verdict instanceof Verdict.Infected infected) {
            return new StageResult.Reject(SmtpReplies.infected(id, infected.signature()),
                    "infected: " + logSafe(infected.signature()) + " in " + logSafe(infected.path()));
        }
        if (verdict instanceof Verdict.Unscannable cannot) {
            if (unscannable == UnscannableAction.TEMPFAIL) {
                return new StageResult.TemporaryFailure(SmtpReplies.unscannable(id, cannot.reason()),
                        "unscannable: " + logSafe(cannot.reason()) + " in " + logSafe(cannot.path()));
            }
            return new StageResult.Continue(context
                    .withHeader(new AddedHeader(HEADER, "unscannable (" + headerSafe(cannot.reason()) + ")"))
                    .withFinding("scan=unscannable:" + logSafe(cannot.reason()) + " in " + logSafe(cannot.path()) + cost));
        }
        return new StageResult.Continue(context
                .withHeader(new AddedHeader(HEADER, "clean"))
                .withFinding("scan=clean" + cost));
    }

    /** Header comments may not hold parentheses or spaces of their own. */
    private static String headerSafe(String text) {
        return PrintableAscii.of(text, 200).replace('(', '_').replace(')', '_').replace(' ', '_');
    }

    private static String logSafe(Object text) {
        return PrintableAscii.of(String.valueOf(text), 500);
    }
}
