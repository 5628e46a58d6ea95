package com.postwarden.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.postwarden.scan.DatabaseInfo;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One JSON object per line (JSON Lines), for scripts: a {@code "type":"file"} object per scanned file with
 * path, verdict, signature or reason, container path, bytes scanned and milliseconds; {@code "error"},
 * {@code "database"} and {@code "summary"} objects beside them.
 */
final class JsonReportPrinter implements ScanReportPrinter {
    private static final JsonFactory JSON = new JsonFactory();
    private final PrintStream out;

    JsonReportPrinter(PrintStream out) {
        this.out = out;
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private void line(String type, Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("type", type);
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(text);
    }

    @Override
    public void databaseStats(Path directory, DatabaseInfo info) {
        line("database", json -> {
            json.writeStringField("directory", directory.toString());
            json.writeStringField("version", String.valueOf(info.version()));
            json.writeNumberField("loaded", info.loadedTotal());
            writeCounts(json, "loadedByType", info.loaded());
            json.writeNumberField("skipped", info.skippedTotal());
            writeCounts(json, "skippedByReason", info.skipped());
            json.writeNumberField("loadMilliseconds", info.loadTime().toMillis());
        });
    }

    private static void writeCounts(JsonGenerator json, String name, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(counts).entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    @Override
    public void file(Path file, ScanReport report) {
        line("file", json -> {
            json.writeStringField("path", file.toString());
            Verdict verdict = report.verdict();
            if (verdict instanceof Verdict.Infected infected) {
                json.writeStringField("verdict", "infected");
                json.writeStringField("signature", infected.signature());
                json.writeStringField("containerPath", infected.path().toString());
            } else if (verdict instanceof Verdict.Unscannable unscannable) {
                json.writeStringField("verdict", "unscannable");
                json.writeStringField("reason", unscannable.reason());
                json.writeStringField("containerPath", unscannable.path().toString());
            } else if (verdict instanceof Verdict.Suspicious suspicious) {
                json.writeStringField("verdict", "suspicious");
                json.writeStringField("name", suspicious.name());
                json.writeStringField("containerPath", suspicious.path().toString());
            } else {
                json.writeStringField("verdict", "clean");
            }
            json.writeArrayFieldStart("findings");
            for (Verdict finding : report.findings()) {
                writeFinding(json, finding);
            }
            json.writeEndArray();
            json.writeNumberField("bytesScanned", report.bytesScanned());
            json.writeNumberField("objectsScanned", report.objectsScanned());
            json.writeNumberField("milliseconds", report.elapsed().toMillis());
        });
    }

    /** One finding: {@code {"kind": "infected|suspicious|unscannable", "name": ..., "containerPath": ...}}. */
    private static void writeFinding(JsonGenerator json, Verdict finding) throws IOException {
        json.writeStartObject();
        if (finding instanceof Verdict.Infected infected) {
            json.writeStringField("kind", "infected");
            json.writeStringField("name", infected.signature());
            json.writeStringField("containerPath", infected.path().toString());
        } else if (finding instanceof Verdict.Suspicious suspicious) {
            json.writeStringField("kind", "suspicious");
            json.writeStringField("name", suspicious.name());
            json.writeStringField("containerPath", suspicious.path().toString());
        } else if (finding instanceof Verdict.Unscannable unscannable) {
            json.writeStringField("kind", "unscannable");
            json.writeStringField("name", unscannable.reason());
            json.writeStringField("containerPath", unscannable.path().toString());
        }
        json.writeEndObject();
    }

    @Override
    public void error(Path path, String message) {
        line("error", json -> {
            json.writeStringField("path", path.toString());
            json.writeStringField("message", message);
        });
    }

    @Override
    public void summary(ScanSummary.Result result) {
        line("summary", json -> {
            json.writeNumberField("directories", result.directories());
            json.writeNumberField("files", result.files());
            json.writeNumberField("infected", result.infected());
            json.writeNumberField("suspicious", result.suspicious());
            json.writeNumberField("unscannable", result.unscannable());
            json.writeNumberField("errors", result.errors());
            json.writeNumberField("bytesScanned", result.bytesScanned());
            json.writeNumberField("milliseconds", result.elapsed().toMillis());
        });
    }
}
