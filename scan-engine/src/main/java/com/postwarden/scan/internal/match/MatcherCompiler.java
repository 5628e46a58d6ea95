package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.BodyPattern;
import com.postwarden.scan.internal.signature.BodySignature;
import com.postwarden.scan.internal.signature.LoadedSignatures;
import com.postwarden.scan.internal.signature.LogicalExpression;
import com.postwarden.scan.internal.signature.LogicalSignature;
import com.postwarden.scan.internal.signature.SkipReasons;
import com.postwarden.scan.internal.signature.Subsignature;
import com.postwarden.scan.internal.signature.TargetDescription;
import java.util.ArrayList;
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
        SkipReasons skipped = new SkipReasons();
        PatternCompiler compiler = new PatternCompiler();
        List<BodySignature> body = loaded.body();
        String[] bodyNames = new String[body.size()];
        for (int i = 0; i < body.size(); i++) {
            BodySignature signature = body.get(i);
            bodyNames[i] = signature.name();
            String problem = compiler.add(signature.pattern(), signature.target(), signature.offset(), i);
            if (problem != null) {
                skipped.add("ndb: " + problem);
            }
        }
        LogicalSet logical = logical(loaded.logical(), compiler, skipped);
        HashLookup hashes = new HashLookup(loaded.hashTables().values(), loaded.ignoreList());
        DatabaseMatcher matcher = new DatabaseMatcher(compiler.literalIndex(), compiler.patterns(), bodyNames, logical,
                hashes);
        return new Result(matcher, skipped.snapshot());
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
