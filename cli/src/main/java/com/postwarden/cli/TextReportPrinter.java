package com.postwarden.cli;

import com.postwarden.scan.DatabaseInfo;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.Verdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * clamscan's line format, so scripts written for it keep working: {@code PATH: NAME FOUND}, {@code PATH: OK},
 * and for what could not be scanned {@code PATH: REASON UNSCANNABLE}. A detection inside a container names the
 * entry after the file, joined by {@code !}.
 */
final class TextReportPrinter implements ScanReportPrinter {
    private final PrintStream out;

    TextReportPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void databaseStats(Path directory, DatabaseInfo info) {
        out.println("----------- DATABASE -----------");
        out.println("Directory: " + directory);
        out.println("Version: " + info.version());
        out.println("Loaded signatures: " + info.loadedTotal());
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(info.loaded()).entrySet()) {
            out.println("  " + entry.getKey() + ": " + entry.getValue());
        }
        out.println("Skipped signatures: " + info.skippedTotal());
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(info.skipped()).entrySet()) {
            out.println("  " + entry.getKey() + ": " + entry.getValue());
        }
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(info.refused()).entrySet()) {
            out.println("Refused file " + entry.getKey() + ": " + entry.getValue());
        }
        out.println(String.format(Locale.ROOT, "Load time: %.3f sec", info.loadTime().toNanos() / 1e9));
    }

    @Override
    public void file(Path file, ScanReport report) {
        Verdict verdict = report.verdict();
        if (verdict instanceof Verdict.Infected infected) {
            out.println(infected.path() + ": " + infected.signature() + " FOUND");
        } else if (verdict instanceof Verdict.Unscannable unscannable) {
            out.println(unscannable.path() + ": " + unscannable.reason() + " UNSCANNABLE");
        } else if (verdict instanceof Verdict.Suspicious suspicious) {
            out.println(suspicious.path() + ": " + suspicious.name() + " SUSPICIOUS");
        } else {
            out.println(file + ": OK");
        }
    }

    @Override
    public void error(Path path, String message) {
        out.println(path + ": " + message + " ERROR");
    }

    @Override
    public void summary(ScanSummary.Result result) {
        out.println();
        out.println("----------- SCAN SUMMARY -----------");
        out.println("Known signatures: " + result.database().loadedTotal());
        out.println("Database version: " + result.database().version());
        out.println("Scanned directories: " + result.directories());
        out.println("Scanned files: " + result.files());
        out.println("Infected files: " + result.infected());
        out.println("Suspicious files: " + result.suspicious());
        out.println("Unscannable files: " + result.unscannable());
        if (result.errors() > 0) {
            out.println("Total errors: " + result.errors());
        }
        out.println(String.format(Locale.ROOT, "Data scanned: %.2f MB", result.bytesScanned() / 1048576.0));
        double seconds = result.elapsed().toNanos() / 1e9;
        out.println(String.format(Locale.ROOT, "Time: %.3f sec (%d m %d s)", seconds,
                (long) seconds / 60, (long) seconds % 60));
    }
}
