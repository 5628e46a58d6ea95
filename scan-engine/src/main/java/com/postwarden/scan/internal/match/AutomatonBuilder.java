package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.PairSort;
import java.util.Arrays;

/**
 * Builds a {@link ByteAutomaton}: literals go into a trie held in an open-addressing map of
 * (state, byte) to child, then failure links are computed breadth first, states are renumbered (root, states
 * one byte deep, states without output, states with output) and packed into flat arrays. Not thread-safe.
 */
final class AutomatonBuilder {
    private int states = 1;
    private int[] depth = new int[1024];
    private final EdgeMap edges = new EdgeMap();
    private long[] outputPairs = new long[1024];
    private int outputCount;

    /** Adds a literal of at least two bytes that reports {@code pattern} where it ends. */
    void add(byte[] literal, int pattern) {
        if (literal.length < LiteralChooser.MIN_LENGTH) {
            throw new IllegalArgumentException("literals in the automaton are at least two bytes");
        }
        int state = 0;
        for (byte b : literal) {
            int child = edges.get(state, b & 0xff);
            if (child < 0) {
                child = newState(depth[state] + 1);
                edges.put(state, b & 0xff, child);
            }
            state = child;
        }
        if (outputCount == outputPairs.length) {
            outputPairs = Arrays.copyOf(outputPairs, outputCount * 2);
        }
        outputPairs[outputCount++] = (long) state << 32 | pattern;
    }

    private int newState(int d) {
        if (states == depth.length) {
            depth = Arrays.copyOf(depth, states * 2);
        }
        depth[states] = d;
        return states++;
    }

    ByteAutomaton build() {
        int n = states;
        // children of each state, sorted by byte (CSR)
        int edgeCount = edges.size();
        long[] edgeKeys = new long[edgeCount];
        int[] edgeChildren = new int[edgeCount];
        edges.export(edgeKeys, edgeChildren);
        PairSort.sort(edgeKeys, edgeChildren, 0, edgeCount);
        int[] childStart = new int[n + 1];
        for (long key : edgeKeys) {
            childStart[(int) (key >>> 8) + 1]++;
        }
        for (int s = 0; s < n; s++) {
            childStart[s + 1] += childStart[s];
        }
        int[] rootChild = new int[256];
        Arrays.fill(rootChild, -1);
        for (int e = childStart[0]; e < childStart[1]; e++) {
            rootChild[(int) (edgeKeys[e] & 0xff)] = edgeChildren[e];
        }
        // own outputs per state
        Arrays.sort(outputPairs, 0, outputCount);
        boolean[] own = new boolean[n];
        for (int i = 0; i < outputCount; i++) {
            own[(int) (outputPairs[i] >>> 32)] = true;
        }
        // breadth-first order, failure and output links
        int[] order = new int[n];
        int[] fail = new int[n];
        int[] link = new int[n];
        Arrays.fill(link, -1);
        int head = 0;
        int tail = 0;
        order[tail++] = 0;
        while (head < tail) {
            int u = order[head++];
            for (int e = childStart[u]; e < childStart[u + 1]; e++) {
                int b = (int) (edgeKeys[e] & 0xff);
                int v = edgeChildren[e];
                order[tail++] = v;
                if (u == 0) {
                    fail[v] = 0;
                } else {
                    int f = fail[u];
                    int target;
                    while ((target = child(f, b, childStart, edgeKeys, edgeChildren, rootChild)) < 0 && f != 0) {
                        f = fail[f];
                    }
                    fail[v] = Math.max(target, 0);
                }
                int f = fail[v];
                link[v] = own[f] ? f : link[f];
            }
        }
        // renumber: root, depth 1, other states without output, states with output
        int[] newId = new int[n];
        int next = 0;
        newId[0] = next++;
        int depthOne = 0;
        for (int i = 1; i < n; i++) {
            if (depth[order[i]] == 1) {
                newId[order[i]] = next++;
                depthOne++;
            }
        }
        int denseStates = 1 + depthOne;
        for (int i = 1; i < n; i++) {
            int s = order[i];
            if (depth[s] > 1 && !own[s] && link[s] < 0) {
                newId[s] = next++;
            }
        }
        int outputBase = next;
        for (int i = 1; i < n; i++) {
            int s = order[i];
            if (depth[s] > 1 && (own[s] || link[s] >= 0)) {
                newId[s] = next++;
            }
        }
        int[] dense = new int[denseStates << 8];
        for (int b = 0; b < 256; b++) {
            dense[b] = rootChild[b] < 0 ? 0 : newId[rootChild[b]];
        }
        int[] oldOf = new int[n];
        for (int s = 0; s < n; s++) {
            oldOf[newId[s]] = s;
        }
        for (int id = 1; id < denseStates; id++) {
            int s = oldOf[id];
            System.arraycopy(dense, 0, dense, id << 8, 256);
            for (int e = childStart[s]; e < childStart[s + 1]; e++) {
                dense[id << 8 | (int) (edgeKeys[e] & 0xff)] = newId[edgeChildren[e]];
            }
        }
        int[] edgeStart = new int[n + 1];
        byte[] edgeLabel = new byte[edgeCount];
        int[] edgeTarget = new int[edgeCount];
        int[] newFail = new int[n];
        int at = 0;
        for (int id = 0; id < n; id++) {
            int s = oldOf[id];
            edgeStart[id] = at;
            newFail[id] = newId[fail[s]];
            if (id >= denseStates) {
                for (int e = childStart[s]; e < childStart[s + 1]; e++) {
                    edgeLabel[at] = (byte) edgeKeys[e];
                    edgeTarget[at++] = newId[edgeChildren[e]];
                }
            }
        }
        edgeStart[n] = at;
        int outputStates = n - outputBase;
        int[] outputStart = new int[outputStates + 1];
        int[] outputLink = new int[outputStates];
        int[] outputs = new int[outputCount];
        for (int i = 0; i < outputCount; i++) {
            outputStart[newId[(int) (outputPairs[i] >>> 32)] - outputBase + 1]++;
        }
        for (int i = 0; i < outputStates; i++) {
            outputStart[i + 1] += outputStart[i];
            int s = oldOf[outputBase + i];
            outputLink[i] = link[s] < 0 ? -1 : newId[link[s]];
        }
        int[] fill = Arrays.copyOf(outputStart, outputStates);
        for (int i = 0; i < outputCount; i++) {
            int state = newId[(int) (outputPairs[i] >>> 32)] - outputBase;
            outputs[fill[state]++] = (int) outputPairs[i];
        }
        return new ByteAutomaton(denseStates, dense, edgeStart, Arrays.copyOf(edgeLabel, at),
                Arrays.copyOf(edgeTarget, at), newFail, outputBase, outputStart, outputs, outputLink);
    }

    private static int child(int state, int b, int[] childStart, long[] edgeKeys, int[] edgeChildren,
                             int[] rootChild) {
        if (state == 0) {
            return rootChild[b];
        }
        int low = childStart[state];
        int high = childStart[state + 1] - 1;
        long key = (long) state << 8 | b;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (edgeKeys[mid] < key) {
                low = mid + 1;
            } else if (edgeKeys[mid] > key) {
                high = mid - 1;
            } else {
                return edgeChildren[mid];
            }
        }
        return -1;
    }

    /** (state, byte) to child state, open addressing over primitive arrays. */
    private static final class EdgeMap {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        EdgeMap() {
            Arrays.fill(keys, -1);
        }

        int size() {
            return size;
        }

        int get(int state, int b) {
            long key = (long) state << 8 | b;
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == -1) {
                    return -1;
                }
            }
        }

        void put(int state, int b, int child) {
            if (size * 2 >= keys.length) {
                grow();
            }
            insert((long) state << 8 | b, child);
            size++;
        }

        private void insert(long key, int value) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != -1) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }

        void export(long[] exportKeys, int[] exportValues) {
            int at = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != -1) {
                    exportKeys[at] = keys[i];
                    exportValues[at++] = values[i];
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }
    }
}
