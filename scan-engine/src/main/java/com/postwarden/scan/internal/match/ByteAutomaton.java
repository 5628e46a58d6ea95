package com.postwarden.scan.internal.match;

/**
 * An Aho–Corasick automaton over bytes in flat arrays. The root and the states one byte deep have dense rows of
 * 256 complete transitions (a table of about 260 KB that stays in cache); deeper states keep only their own
 * edges, sorted by byte, and fall back along failure links. States are numbered so that every state with output
 * (its own literals, or a literal that ends at a suffix of it) has a number of at least {@link #outputBase()}:
 * the scan loop tests one comparison per byte. Immutable and thread-safe.
 */
final class ByteAutomaton {
    /** Above this many edges a state's edges are binary-searched. */
    private static final int LINEAR_EDGES = 8;

    private final int denseStates;
    private final int[] dense;
    private final int[] edgeStart;
    private final byte[] edgeLabel;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int outputBase;
    private final int[] outputStart;
    private final int[] outputs;
    private final int[] outputLink;

    ByteAutomaton(int denseStates, int[] dense, int[] edgeStart, byte[] edgeLabel, int[] edgeTarget, int[] fail,
                  int outputBase, int[] outputStart, int[] outputs, int[] outputLink) {
        this.denseStates = denseStates;
        this.dense = dense;
        this.edgeStart = edgeStart;
        this.edgeLabel = edgeLabel;
        this.edgeTarget = edgeTarget;
        this.fail = fail;
        this.outputBase = outputBase;
        this.outputStart = outputStart;
        this.outputs = outputs;
        this.outputLink = outputLink;
    }

    int stateCount() {
        return fail.length;
    }

    int outputBase() {
        return outputBase;
    }

    /**
     * Runs the automaton over {@code bytes[from..to)} from {@code state}. Returns the state after the last byte
     * read; stops early, returning {@code -(i + 1)} where the state after byte {@code i} has output, with that
     * state left in {@code stateOut[0]}. The caller handles the output and resumes at {@code i + 1}.
     */
    int run(byte[] bytes, int from, int to, int state, int[] stateOut) {
        final int[] table = dense;
        final int limit = denseStates;
        final int base = outputBase;
        int s = state;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            s = s < limit ? table[s << 8 | b] : sparseNext(s, b);
            if (s >= base) {
                stateOut[0] = s;
                return -(i + 1);
            }
        }
        return s;
    }

    /** The transition from a state without a dense row. */
    int sparseNext(int state, int b) {
        int s = state;
        while (s >= denseStates) {
            int lo = edgeStart[s];
            int hi = edgeStart[s + 1];
            if (hi - lo <= LINEAR_EDGES) {
                for (int e = lo; e < hi; e++) {
                    int label = edgeLabel[e] & 0xff;
                    if (label == b) {
                        return edgeTarget[e];
                    }
                    if (label > b) {
                        break;
                    }
                }
            } else {
                int found = search(lo, hi, b);
                if (found >= 0) {
                    return edgeTarget[found];
                }
            }
            s = fail[s];
        }
        return dense[s << 8 | b];
    }

    private int search(int lo, int hi, int b) {
        int low = lo;
        int high = hi - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int label = edgeLabel[mid] & 0xff;
            if (label < b) {
                low = mid + 1;
            } else if (label > b) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** First index into {@link #outputs} of an output state's own literals. */
    int outputsFrom(int state) {
        return outputStart[state - outputBase];
    }

    /** End (exclusive) of an output state's own literals. */
    int outputsTo(int state) {
        return outputStart[state - outputBase + 1];
    }

    /** The pattern at an index into the outputs. */
    int output(int index) {
        return outputs[index];
    }

    /** The next state along the failure links with literals of its own, or -1. */
    int outputLink(int state) {
        return outputLink[state - outputBase];
    }

    /** Bytes held by the arrays, for the load summary. */
    long memoryBytes() {
        return 4L * (dense.length + edgeStart.length + edgeTarget.length + fail.length + outputStart.length
                + outputs.length + outputLink.length) + edgeLabel.length;
    }
}
