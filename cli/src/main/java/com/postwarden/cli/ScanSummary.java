package com.postwarden.cli;

import com.postwarden.scan.DatabaseInfo;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.Verdict;
import java.time.Duration;

/** Counts what one {@code postwarden scan} run did, for the summary block. */
final class ScanSummary {
    private final DatabaseInfo database;
    private final long start = System.nanoTime();
    private int directories;
    private int files;
    private int infected;
    private int unscannable;
    private int suspicious;
    private int errors;
    private long bytesScanned;

    ScanSummary(DatabaseInfo database) {
        this.database = database;
    }

    void directory() {
        directories++;
    }

    void file(ScanReport report) {
        files++;
        bytesScanned += report.bytesScanned();
        if (report.verdict() instanceof Verdict.Infected) {
            infected++;
        } else if (report.verdict() instanceof Verdict.Unscannable) {
            unscannable++;
        } else if (report.verdict() instanceof Verdict.Suspicious) {
            suspicious++;
        }
    }

    void error() {
        errors++;
    }

    int infected() {
        return infected;
    }

    int errors() {
        return errors;
    }

    Result finish() {
        return new Result(database, directories, files, infected, suspicious, unscannable, errors, bytesScanned,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The figures of a finished run. */
    record Result(DatabaseInfo database, int directories, int files, int infected, int suspicious, int unscannable,
                  int errors, long bytesScanned, Duration elapsed) {
    }
}
