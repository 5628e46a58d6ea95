package com.postwarden.smtp.scan;

import com.postwarden.policies.config.ScanSettings.UnscannableAction;
import com.postwarden.scan.EngineSkip;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans the whole message, every part and attachment at any depth, with the built-in engine and the external
 * engines configured beside it. Until per-recipient policies exist: infected mail (a signature, a heuristic set to
 * malicious, or an external engine's detection) is refused with 554 5.7.1 naming the detection; a required external
 * engine that did not scan an attachment defers the message with 451 4.7.0; unscannable mail passes with a header
 * or is deferred with 451 as configured; suspicious mail passes with {@code X-Postwarden-Virus: suspicious (NAME)};
 * clean mail gets {@code X-Postwarden-Virus: clean}. Optional engines that were skipped are named in
 * {@code X-Postwarden-Engines-Skipped:}.
 * Thread-safe; the engine is fetched per message, so a reloaded signature database applies to the next one.
 */
public final class ScanStage implements Stage {
    static final String HEADER = "X-Postwarden-Virus";
    static final String SKIPPED_HEADER = "X-Postwarden-Engines-Skipped";
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
        String details = details(report);
        if (verdict instanceof Verdict.Infected infected) {
            return new StageResult.Reject(SmtpReplies.infected(id, infected.signature()),
                    "infected: " + logSafe(infected.signature()) + " in " + logSafe(infected.path()) + details);
        }
        Optional<EngineSkip> requiredSkip = report.skipped().stream().filter(EngineSkip::required).findFirst();
        if (requiredSkip.isPresent()) {
            EngineSkip skip = requiredSkip.get();
            LOG.warn("{}: required engine {} did not scan {}: {}", id, skip.engine(), logSafe(skip.path()),
                    logSafe(skip.reason()));
            return new StageResult.TemporaryFailure(SmtpReplies.engineUnavailable(id, skip.engine()),
                    "not scanned by " + logSafe(skip.engine()) + ": " + logSafe(skip.reason()) + details);
        }
        MessageContext scanned = withSkippedEngines(context, report);
        if (verdict instanceof Verdict.Unscannable cannot) {
            if (unscannable == UnscannableAction.TEMPFAIL) {
                return new StageResult.TemporaryFailure(SmtpReplies.unscannable(id, cannot.reason()),
                        "unscannable: " + logSafe(cannot.reason()) + " in " + logSafe(cannot.path()) + details);
            }
            return new StageResult.Continue(scanned
                    .withHeader(new AddedHeader(HEADER, "unscannable (" + headerSafe(cannot.reason()) + ")"))
                    .withFinding("scan=unscannable:" + logSafe(cannot.reason()) + " in " + logSafe(cannot.path())
                            + details));
        }
        if (verdict instanceof Verdict.Suspicious suspicious) {
            return new StageResult.Continue(scanned
                    .withHeader(new AddedHeader(HEADER, "suspicious (" + headerSafe(suspicious.name()) + ")"))
                    .withFinding("scan=suspicious:" + logSafe(suspicious.name()) + " in " + logSafe(suspicious.path())
                            + details));
        }
        return new StageResult.Continue(scanned
                .withHeader(new AddedHeader(HEADER, "clean"))
                .withFinding("scan=clean" + details));
    }

    /** Optional engines that did not scan some attachment are named, with why, in a header of their own. */
    private static MessageContext withSkippedEngines(MessageContext context, ScanReport report) {
        Map<String, String> firstReason = new LinkedHashMap<>();
        report.skipped().forEach(skip -> firstReason.putIfAbsent(skip.engine(), skip.reason()));
        if (firstReason.isEmpty()) {
            return context;
        }
        String value = firstReason.entrySet().stream()
                .map(e -> headerSafe(e.getKey()) + " (" + headerSafe(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return context.withHeader(new AddedHeader(SKIPPED_HEADER, PrintableAscii.of(value, 900)));
    }

    /** Cost, every finding and the external engines' work, for the message's log line. */
    private static String details(ScanReport report) {
        StringBuilder text = new StringBuilder();
        text.append(" bytes=").append(report.bytesScanned()).append(" objects=").append(report.objectsScanned())
                .append(" ms=").append(report.elapsed().toMillis()).append(" external=").append(report.externalScans());
        if (report.findings().size() > 1) {
            text.append(" findings=").append(report.findings().stream().map(ScanStage::describe)
                    .collect(Collectors.joining(";")));
        }
        if (!report.skipped().isEmpty()) {
            text.append(" skipped=").append(report.skipped().stream()
                    .map(skip -> logSafe(skip.engine()) + ":" + logSafe(skip.path()))
                    .collect(Collectors.joining(";")));
        }
        return text.toString();
    }

    private static String describe(Verdict finding) {
        if (finding instanceof Verdict.Infected infected) {
            return logSafe(infected.signature()) + "@" + logSafe(infected.path());
        }
        if (finding instanceof Verdict.Suspicious suspicious) {
            return logSafe(suspicious.name()) + "@" + logSafe(suspicious.path());
        }
        if (finding instanceof Verdict.Unscannable unscannable) {
            return logSafe(unscannable.reason()) + "@" + logSafe(unscannable.path());
        }
        return "clean";
    }

    /** Header comments may not hold parentheses or spaces of their own. */
    private static String headerSafe(String text) {
        return PrintableAscii.of(text, 200).replace('(', '_').replace(')', '_').replace(' ', '_');
    }

    private static String logSafe(Object text) {
        return PrintableAscii.of(String.valueOf(text), 500);
    }
}
