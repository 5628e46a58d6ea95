package com.postwarden.scan;

import com.postwarden.scan.internal.match.MatchResult;
import com.postwarden.scan.internal.match.SignatureMatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matcher throughput: one pass of the whole signature database over 8 MiB of mixed objects. The score is
 * nanoseconds per byte scanned (1000 / score = MB/s on one core). Each object is matched as the engine would
 * match it (its detected type, normalized text pass included), from the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatcherBenchmark {

    @Param({"small", "ndb100k", "ndb100k_hdb1m"})
    public String database;

    private Path directory;
    private SignatureMatcher matcher;
    private List<MixedCorpus.Sample> corpus;

    @Setup(Level.Trial)
    public void load() throws IOException {
        directory = SyntheticDatabase.write(database);
        matcher = SignatureDatabase.load(directory).matcher();
        corpus = MixedCorpus.build();
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        SyntheticDatabase.delete(directory);
    }

    /** Returns how many objects a signature matched, so nothing is optimized away. */
    @Benchmark
    @OperationsPerInvocation(MixedCorpus.BYTES)
    public int scan() {
        int matched = 0;
        for (MixedCorpus.Sample sample : corpus) {
            if (!(matcher.match(sample.content(), sample.type()) instanceof MatchResult.NoMatch)) {
                matched++;
            }
        }
        return matched;
    }
}
