package com.postwarden.bench;

import com.postwarden.scan.ScanEngine;
import com.postwarden.scan.ScanReport;
import com.postwarden.scan.SignatureDatabase;
import com.postwarden.scan.Verdict;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The load harness behind {@code bench/scan/run-scan-compare.sh}: loads a signature directory, scans every
 * file of a corpus with N threads (as clamd's multiscan does), optionally reloads the database beside the
 * running one, and prints one JSON line with the figures: load and scan seconds, CPU seconds, files,
 * detections, RSS after loading and at peak, and the RSS peak during the reload. {@code startupSeconds} is the
 * time from the launch of the process to the loaded database (JVM start-up included), the figure to set beside
 * clamd's launch to first PONG; {@code loadSeconds} is the load call alone.
 *
 * <pre>java -cp bench/target/benchmarks.jar com.postwarden.bench.ScanThroughput --db DIR [--threads N] [--reload] CORPUS</pre>
 */
public final class ScanThroughput {
    private ScanThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path database = null;
        Path corpus = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean reload = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> database = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reload" -> reload = true;
                default -> corpus = Path.of(args[i]);
            }
        }
        if (database == null || corpus == null) {
            System.err.println("usage: ScanThroughput --db DIR [--threads N] [--reload] CORPUS");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        SignatureDatabase signatures = SignatureDatabase.load(database);
        double loadSeconds = seconds(t0);
        double startupSeconds = ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toNanos() / 1e9)
                .orElse(-1.0);
        System.gc();
        long rssLoaded = procStatusKb("VmRSS");
        ScanEngine engine = ScanEngine.builder(signatures).verdictCache(0, java.time.Duration.ZERO).build();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        AtomicInteger infected = new AtomicInteger();
        long cpu0 = processCpuNanos();
        long t1 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (Path file : files) {
            done.add(pool.submit(() -> {
                ScanReport report = engine.scan(file);
                if (report.verdict() instanceof Verdict.Infected) {
                    infected.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double scanSeconds = seconds(t1);
        double scanCpu = (processCpuNanos() - cpu0) / 1e9;
        long rssPeak = procStatusKb("VmHWM");

        double reloadSeconds = 0;
        long reloadPeak = 0;
        if (reload) {
            resetPeak();
            long t2 = System.nanoTime();
            SignatureDatabase fresh = SignatureDatabase.load(database, signatures);
            reloadSeconds = seconds(t2);
            reloadPeak = procStatusKb("VmHWM");
            if (fresh.info().loadedTotal() != signatures.info().loadedTotal()) {
                throw new IllegalStateException("the reload loaded a different database");
            }
        }
        System.out.println(String.format(Locale.ROOT, "{\"loadSeconds\":%.3f,\"startupSeconds\":%.3f,"
                        + "\"scanSeconds\":%.3f,\"scanCpuSeconds\":%.3f,"
                        + "\"files\":%d,\"infected\":%d,\"rssLoadedKb\":%d,\"rssPeakKb\":%d,\"reloadSeconds\":%.3f,"
                        + "\"reloadPeakKb\":%d,\"signatures\":%d}",
                loadSeconds, startupSeconds, scanSeconds, scanCpu, files.size(), infected.get(), rssLoaded, rssPeak,
                reloadSeconds, reloadPeak, signatures.info().loadedTotal()));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Linux: writing 5 to clear_refs resets VmHWM to the current RSS, so the next peak is the reload's. */
    private static void resetPeak() throws IOException {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    }

    private static long procStatusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
