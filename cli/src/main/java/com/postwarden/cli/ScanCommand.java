package com.postwarden.cli;

import com.postwarden.policies.config.ConfigException;
import com.postwarden.policies.config.ConfigLoader;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.scan.HeuristicSettings;
import com.postwarden.scan.ScanEngine;
import com.postwarden.scan.ScanLimits;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.SignatureDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code postwarden scan}: scans files and directories with the built-in engine, printing clamscan-style lines
 * (or JSON with {@code --json}). Exit 0 when everything is clean, 1 when something was found, 2 on errors
 * (unreadable paths, a database that does not load, a bad configuration).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan files and directories with the built-in engine (clamscan-style output).")
public final class ScanCommand implements Callable<Integer> {
    static final int EXIT_CLEAN = 0;
    static final int EXIT_FOUND = 1;
    static final int EXIT_ERROR = 2;

    @Mixin
    ConfigOption config;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Signature database directory (default: scan.database of the configuration).")
    Path database;

    @Option(names = "--json", description = "Print one JSON object per file instead of text.")
    boolean json;

    @Option(names = "--stats", description = "Print what the database loaded and skipped, by type and reason.")
    boolean stats;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (recursively).")
    List<Path> paths = List.of();

    private final PrintStream out;
    private final PrintStream err;

    public ScanCommand() {
        this(System.out, System.err);
    }

    ScanCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (paths.isEmpty() && !stats) {
            err.println("postwarden scan: nothing to scan: give a PATH, or --stats");
            return EXIT_ERROR;
        }
        GatewayConfig gateway = null;
        if (database == null || Files.exists(config.file())) {
            // with --db and no configuration file the limits keep their defaults
            try {
                gateway = new ConfigLoader().load(config.file());
            } catch (ConfigException e) {
                err.println("postwarden scan: configuration error: " + e.getMessage());
                return EXIT_ERROR;
            }
        }
        Path directory = database != null ? database : SignatureDirectory.of(gateway.scan());
        SignatureDatabase signatures;
        try {
            signatures = SignatureDatabase.load(directory);
        } catch (IOException e) {
            err.println("postwarden scan: cannot load the signature database " + directory + ": " + e.getMessage());
            return EXIT_ERROR;
        }
        ScanReportPrinter printer = json ? new JsonReportPrinter(out) : new TextReportPrinter(out);
        if (stats) {
            printer.databaseStats(directory, signatures.info());
        }
        HeuristicSettings heuristics;
        try {
            heuristics = gateway == null ? HeuristicSettings.defaults() : EngineHeuristics.of(gateway.scan());
        } catch (IllegalArgumentException e) {
            err.println("postwarden scan: configuration error: " + e.getMessage());
            return EXIT_ERROR;
        }
        ScanEngine engine = ScanEngine.builder(signatures)
                .limits(gateway == null ? ScanLimits.DEFAULTS : EngineLimits.of(gateway.scan()))
                .heuristics(heuristics)
                .verdictCache(0, Duration.ZERO)
                .build();
        ScanSummary summary = new ScanSummary(signatures.info());
        for (Path path : paths) {
            scanPath(engine, path, printer, summary);
        }
        if (!paths.isEmpty()) {
            printer.summary(summary.finish());
        }
        out.flush();
        if (summary.errors() > 0) {
            return EXIT_ERROR;
        }
        return summary.infected() > 0 ? EXIT_FOUND : EXIT_CLEAN;
    }

    private void scanPath(ScanEngine engine, Path path, ScanReportPrinter printer, ScanSummary summary) {
        if (Files.isDirectory(path)) {
            summary.directory();
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> scanFile(engine, file, printer, summary));
            } catch (IOException | UncheckedIOException e) {
                printer.error(path, e.getMessage());
                summary.error();
            }
        } else if (Files.isRegularFile(path)) {
            scanFile(engine, path, printer, summary);
        } else {
            printer.error(path, Files.exists(path) ? "not a regular file" : "no such file or directory");
            summary.error();
        }
    }

    private void scanFile(ScanEngine engine, Path file, ScanReportPrinter printer, ScanSummary summary) {
        ScanReport report;
        try {
            report = engine.scan(file);
        } catch (IOException e) {
            printer.error(file, e.getMessage());
            summary.error();
            return;
        }
        printer.file(file, report);
        summary.file(report);
    }
}
