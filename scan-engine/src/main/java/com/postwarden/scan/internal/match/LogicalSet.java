package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.LogicalExpression;
import com.postwarden.scan.internal.signature.Subsignature;
import com.postwarden.scan.internal.signature.TargetDescription;

/**
 * The logical signatures of a database: names, target descriptions, expressions, where each signature's
 * subsignature counts start in the shared count array, and its PCRE subsignatures. Signatures whose expression
 * holds with no match at all ({@code 0=0}) are evaluated for every object of their target. Immutable.
 */
final class LogicalSet {
    final String[] names;
    final TargetDescription[] targets;
    final LogicalExpression[] expressions;
    final int[] base;
    final int[] count;
    final Subsignature.Pcre[][] pcre;
    final int[][] pcreIndex;
    final int[] evaluateAlways;
    final int[] ownerOf;

    LogicalSet(String[] names, TargetDescription[] targets, LogicalExpression[] expressions, int[] base, int[] count,
               Subsignature.Pcre[][] pcre, int[][] pcreIndex, int[] evaluateAlways, int[] ownerOf) {
        this.names = names;
        this.targets = targets;
        this.expressions = expressions;
        this.base = base;
        this.count = count;
        this.pcre = pcre;
        this.pcreIndex = pcreIndex;
        this.evaluateAlways = evaluateAlways;
        this.ownerOf = ownerOf;
    }

    int size() {
        return names.length;
    }

    /** Subsignatures of all logical signatures together: the length of the count array. */
    int subsignatures() {
        return ownerOf.length;
    }
}
