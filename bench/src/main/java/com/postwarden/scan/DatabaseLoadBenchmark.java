package com.postwarden.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Database load time for 100 000 body signatures and 1 000 000 MD5 hash signatures: a first load (parse and
 * compile everything) and a reload of the unchanged directory (hash files taken over, body signatures compiled
 * again). After each iteration the heap retained by the loaded database is printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DatabaseLoadBenchmark {

    @Param({"ndb100k_hdb1m"})
    public String database;

    private Path directory;
    private SignatureDatabase previous;
    private SignatureDatabase loaded;

    @Setup(Level.Trial)
    public void write() throws IOException {
        directory = SyntheticDatabase.write(database);
        previous = SignatureDatabase.load(directory);
    }

    @TearDown(Level.Iteration)
    public void reportHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("%n    heap in use with %s loaded (and the previous load kept for reloads): %d MB%n",
                database, used >> 20);
        loaded = null;
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        SyntheticDatabase.delete(directory);
    }

    @Benchmark
    public SignatureDatabase load() throws IOException {
        loaded = SignatureDatabase.load(directory);
        return loaded;
    }

    @Benchmark
    public SignatureDatabase reloadUnchanged() throws IOException {
        loaded = SignatureDatabase.load(directory, previous);
        return loaded;
    }
}
