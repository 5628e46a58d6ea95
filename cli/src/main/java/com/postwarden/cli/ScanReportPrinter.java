package com.postwarden.cli;

import com.postwarden.scan.DatabaseInfo;
import com.postwarden.scan.ScanReport;
import java.nio.file.Path;

/** Writes the results of {@code postwarden scan} as they come, in one output format. */
interface ScanReportPrinter {

    void databaseStats(Path directory, DatabaseInfo info);

    void file(Path file, ScanReport report);

    void error(Path path, String message);

    void summary(ScanSummary.Result result);
}
