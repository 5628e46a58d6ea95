package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.BodyPattern;
import com.postwarden.scan.internal.signature.HashTables;
import com.postwarden.scan.internal.signature.IgnoreList;
import com.postwarden.scan.internal.signature.LoadedSignatures;
import com.postwarden.scan.internal.signature.LogicalExpression;
import com.postwarden.scan.internal.signature.LogicalSignature;
import com.postwarden.scan.internal.signature.PatternSignatures;
import com.postwarden.scan.internal.signature.SkipReasons;
import com.postwarden.scan.internal.signature.Subsignature;
import com.postwarden.scan.internal.signature.TargetDescription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Compiles loaded signatures into a {@link DatabaseMatcher}. Signatures the matcher cannot run (no static part
 * of two bytes to index) are left out and counted by reason. Stateless.
 */
public final class MatcherCompiler {

    /** The matcher and what compiling left out. */
    public record Result(DatabaseMatcher matcher, Map<String, Long> skipped) {
    }

    private MatcherCompiler() {
    }

    public static Result compile(LoadedSignatures loaded) {
        return compilePatterns(PatternSignatures.of(loaded.body(), loaded.logical()))
                .withHashes(loaded.hashTables().values(), loaded.ignoreList());
    }

    /**
     * Compiles the body and logical signatures, which are final before the hash signatures are: a load compiles
     * them while hash files are still read. Drains the body signatures of {@code signatures}.
     */
    public static Patterns compilePatterns(PatternSignatures signatures) {
        SkipReasons skipped = new SkipReasons();
        PatternCompiler compiler = new PatternCompiler(expectedPatterns(signatures));
        NameTable.Builder bodyNames = new NameTable.Builder(signatures.body().size());
        signatures.drainBody((signature, i) -> {
            bodyNames.add(signature.name());
            String problem = compiler.add(signature.pattern(), signature.target(), signature.offset(), i);
            if (problem != null) {
                skipped.add("ndb: " + problem);
            }
        });
        LogicalSet logical = logical(signatures.logical(), compiler, skipped);
        return new Patterns(compiler.literalIndex(), compiler.patterns(), bodyNames.build(), logical,
                skipped.snapshot());
    }

    /** One pattern per body signature and per variant of a logical hex subsignature, if all compile. */
    private static int expectedPatterns(PatternSignatures signatures) {
        int patterns = signatures.body().size();
        for (LogicalSignature signature : signatures.logical()) {
            for (Subsignature subsignature : signature.subsignatures()) {
                if (subsignature instanceof Subsignature.Hex hex) {
                    patterns += hex.variants().size();
                }
            }
        }
        return patterns;
    }

    /** Compiled body and logical signatures, waiting for the hash signatures to make a matcher. */
    public static final class Patterns {
        private final LiteralIndex literals;
        private final CompiledPatterns patterns;
        private final NameTable bodyNames;
        private final LogicalSet logical;
        private final Map<String, Long> skipped;

        private Patterns(LiteralIndex literals, CompiledPatterns patterns, NameTable bodyNames, LogicalSet logical,
                         Map<String, Long> skipped) {
            this.literals = literals;
            this.patterns = patterns;
            this.bodyNames = bodyNames;
            this.logical = logical;
            this.skipped = skipped;
        }

        /** The matcher of these patterns and of the hash signatures of {@code tables}. */
        public Result withHashes(Collection<HashTables> tables, IgnoreList ignoreList) {
            HashLookup hashes = new HashLookup(tables, ignoreList);
            return new Result(new DatabaseMatcher(literals, patterns, bodyNames, logical, hashes), skipped);
        }
    }

    private static LogicalSet logical(List<LogicalSignature> signatures, PatternCompiler compiler,
                                      SkipReasons skipped) {
        List<LogicalSignature> usable = new ArrayList<>(signatures.size());
        for (LogicalSignature signature : signatures) {
            if (allHaveLiterals(signature)) {
                usable.add(signature);
            } else {
                skipped.add("ldb: " + PatternCompiler.NO_LITERAL);
            }
        }
        int n = usable.size();
        String[] names = new String[n];
        TargetDescription[] targets = new TargetDescription[n];
        LogicalExpression[] expressions = new LogicalExpression[n];
        int[] base = new int[n];
        int[] count = new int[n];
        Subsignature.Pcre[][] pcre = new Subsignature.Pcre[n][];
        int[][] pcreIndex = new int[n][];
        List<Integer> always = new ArrayList<>();
        Growable.Ints ownerOf = new Growable.Ints();
        for (int l = 0; l < n; l++) {
            LogicalSignature signature = usable.get(l);
            names[l] = signature.name();
            targets[l] = signature.target();
            expressions[l] = signature.expression();
            base[l] = ownerOf.size();
            List<Subsignature> subsignatures = signature.subsignatures();
            count[l] = subsignatures.size();
            List<Subsignature.Pcre> pcres = new ArrayList<>();
            List<Integer> pcreAt = new ArrayList<>();
            for (int j = 0; j < subsignatures.size(); j++) {
                int global = ownerOf.add(l);
                Subsignature subsignature = subsignatures.get(j);
                if (subsignature instanceof Subsignature.Hex hex) {
                    for (BodyPattern variant : hex.variants()) {
                        compiler.add(variant, signature.target().target(), hex.offset(), -global - 1);
                    }
                } else if (subsignature instanceof Subsignature.Pcre regex) {
                    pcres.add(regex);
                    pcreAt.add(j);
                }
            }
            pcre[l] = pcres.toArray(new Subsignature.Pcre[0]);
            pcreIndex[l] = pcreAt.stream().mapToInt(Integer::intValue).toArray();
            if (signature.expression().evaluate(new int[subsignatures.size()], 0)) {
                always.add(l);
            }
        }
        return new LogicalSet(names, targets, expressions, base, count, pcre, pcreIndex,
                always.stream().mapToInt(Integer::intValue).toArray(), ownerOf.toArray());
    }

    private static boolean allHaveLiterals(LogicalSignature signature) {
        for (Subsignature subsignature : signature.subsignatures()) {
            if (subsignature instanceof Subsignature.Hex hex) {
                for (BodyPattern variant : hex.variants()) {
                    if (LiteralChooser.choose(variant) == null) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
