package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.Subsignature;
import com.postwarden.scan.internal.signature.TargetDescription;
import java.nio.ByteBuffer;

/**
 * Decides one logical signature once the pass over an object has counted its hex subsignatures: checks the
 * target description (file size, entry point, number of sections), runs the PCRE subsignatures whose triggers
 * hold (in order, so a later trigger sees an earlier PCRE's count), then evaluates the expression. Stateless.
 */
final class LogicalEvaluator {

    private LogicalEvaluator() {
    }

    /** Whether signature {@code ldb} matches, given its counts in {@code counts}, which PCRE results join. */
    static boolean matches(LogicalSet set, int ldb, int[] counts, ObjectInfo info, ByteBuffer bytes, long[] range) {
        if (!targetMatches(set.targets[ldb], info)) {
            return false;
        }
        int base = set.base[ldb];
        Subsignature.Pcre[] pcres = set.pcre[ldb];
        int[] indexes = set.pcreIndex[ldb];
        for (int k = 0; k < pcres.length; k++) {
            Subsignature.Pcre pcre = pcres[k];
            if (pcre.trigger().evaluate(counts, base)) {
                counts[base + indexes[k]] = PcreRunner.count(pcre, info, bytes, range);
            }
        }
        return set.expressions[ldb].evaluate(counts, base);
    }

    private static boolean targetMatches(TargetDescription target, ObjectInfo info) {
        if (!target.sizeMatches(info.size())) {
            return false;
        }
        if (!target.needsExecutable()) {
            return true;
        }
        PeHeader pe = info.pe();
        return pe != null && target.entryPointMatches(pe.entryPoint()) && target.sectionsMatch(pe.sections());
    }
}
