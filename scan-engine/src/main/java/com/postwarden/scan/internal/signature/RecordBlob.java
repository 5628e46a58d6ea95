package com.postwarden.scan.internal.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of hash signatures, each the digest and the name, in chunks that are kept as they are: the blob
 * grows with the signatures read, never by a guess from the file size, and is never copied whole. Chunks start
 * small and double up to {@link #CHUNK} bytes (see {@link KeyedEntries} for why). A record does not cross chunks
 * (one longer than {@link #CHUNK} gets a chunk of its own), so it is addressed by one {@code int}: chunk number
 * times {@link #CHUNK} plus the position in the chunk.
 *
 * <p>Names are front-coded, as in a sorted dictionary: a record keeps only what its name does not share with the
 * name before it. Signature files list a family's signatures one after the other ({@code Win.Trojan.Agent-1234},
 * {@code Win.Trojan.Agent-1235}...), so most names shrink to a few bytes. Every {@link #GROUP}th record (and any
 * record after a change of digest length or of chunk) starts a group with its whole name, and each record knows
 * how far back its group starts: a name is rebuilt from at most {@link #GROUP} records, which only a match needs.
 * Record layout: digest, distance back to the group's first record (2 bytes), bytes shared with the previous name
 * (1 byte), the rest of the name, a newline. Appending is not thread-safe; after {@link #freeze} reading is.
 */
final class RecordBlob {
    static final int FIRST_CHUNK = 1 << 12;
    static final int CHUNK_BITS = 20;
    static final int CHUNK = 1 << CHUNK_BITS;
    /** Chunks an {@code int} address can number. */
    static final int MAX_CHUNKS = Integer.MAX_VALUE >>> CHUNK_BITS;
    /** Records per group: the most a name lookup decodes. */
    static final int GROUP = 16;
    private static final int HEADER = 3;
    private static final int MAX_SHARED = 0xff;
    private static final int MAX_BACK = 0xffff;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[0];
    private int used;
    private byte[][] frozen;
    private byte[] previous = new byte[64];
    private int previousLength;
    private int groupStart;
    private int groupSize;
    private int groupDigestLength;

    /** Appends a record of {@code digest[0..digestLength)} and the name {@code name[from..to)}; returns its address. */
    int append(byte[] digest, int digestLength, byte[] name, int from, int to) {
        int nameLength = to - from;
        int shared = shared(name, from, nameLength);
        boolean restart = groupSize == GROUP || digestLength != groupDigestLength || used - groupStart > MAX_BACK;
        if (restart) {
            shared = 0;
        }
        int length = digestLength + HEADER + nameLength - shared + 1;
        if (current.length - used < length) {
            newChunk(digestLength + HEADER + nameLength + 1);
            shared = 0;
            restart = true;
        }
        if (restart) {
            groupStart = used;
            groupSize = 0;
            groupDigestLength = digestLength;
            length = digestLength + HEADER + nameLength + 1;
        }
        int address = (chunks.size() - 1) << CHUNK_BITS | used;
        int back = used - groupStart;
        System.arraycopy(digest, 0, current, used, digestLength);
        current[used + digestLength] = (byte) (back >>> 8);
        current[used + digestLength + 1] = (byte) back;
        current[used + digestLength + 2] = (byte) shared;
        System.arraycopy(name, from + shared, current, used + digestLength + HEADER, nameLength - shared);
        current[used + length - 1] = '\n';
        used += length;
        groupSize++;
        remember(name, from, nameLength);
        return address;
    }

    /** Ends appending: the last chunk is cut to what it holds. */
    RecordBlob freeze() {
        if (!chunks.isEmpty() && used < current.length) {
            chunks.set(chunks.size() - 1, Arrays.copyOf(current, used));
        }
        frozen = chunks.toArray(new byte[0][]);
        current = new byte[0];
        previous = null;
        return this;
    }

    /** Bytes held once frozen. */
    long bytes() {
        long bytes = 0;
        for (byte[] chunk : frozen) {
            bytes += chunk.length;
        }
        return bytes;
    }

    /** Whether the record at {@code address} starts with {@code digest}. */
    boolean startsWith(int address, byte[] digest, int length) {
        int at = address & (CHUNK - 1);
        return Arrays.equals(frozen[address >>> CHUNK_BITS], at, at + length, digest, 0, length);
    }

    /** The name of the record at {@code address} whose digest is {@code digestLength} bytes. */
    String name(int address, int digestLength) {
        byte[] chunk = frozen[address >>> CHUNK_BITS];
        int target = address & (CHUNK - 1);
        int back = (chunk[target + digestLength] & 0xff) << 8 | chunk[target + digestLength + 1] & 0xff;
        byte[] name = new byte[64];
        int nameLength = 0;
        int at = target - back;
        while (true) {
            int shared = chunk[at + digestLength + 2] & 0xff;
            int from = at + digestLength + HEADER;
            int end = from;
            while (chunk[end] != '\n') {
                end++;
            }
            nameLength = shared + end - from;
            if (nameLength > name.length) {
                name = Arrays.copyOf(name, Math.max(nameLength, name.length * 2));
            }
            System.arraycopy(chunk, from, name, shared, end - from);
            if (at == target) {
                return new String(name, 0, nameLength, StandardCharsets.UTF_8);
            }
            at = end + 1;
        }
    }

    private void newChunk(int length) {
        if (chunks.size() == MAX_CHUNKS) {
            throw new IllegalStateException("signature names exceed 2 GB");
        }
        int size = chunks.isEmpty() ? FIRST_CHUNK : Math.min(CHUNK, current.length * 2);
        current = new byte[Math.max(size, length)];
        chunks.add(current);
        used = 0;
    }

    /** Leading bytes the name shares with the one before, at most {@link #MAX_SHARED}. */
    private int shared(byte[] name, int from, int length) {
        int limit = Math.min(Math.min(length, previousLength), MAX_SHARED);
        int mismatch = Arrays.mismatch(name, from, from + limit, previous, 0, limit);
        return mismatch < 0 ? limit : mismatch;
    }

    private void remember(byte[] name, int from, int length) {
        if (length > previous.length) {
            previous = new byte[Math.max(length, previous.length * 2)];
        }
        System.arraycopy(name, from, previous, 0, length);
        previousLength = length;
    }
}
