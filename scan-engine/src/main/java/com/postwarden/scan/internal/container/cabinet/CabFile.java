package com.postwarden.scan.internal.container.cabinet;

/**
 * One CFFILE record.
 *
 * @param size uncompressed size (32-bit)
 * @param offset where the file starts in its folder's uncompressed data
 * @param folder folder index, or one of the {@code CONTINUED_*} markers of a file spanning cabinets
 */
record CabFile(String name, long size, long offset, int folder) {
    static final int CONTINUED_FROM_PREV = 0xfffd;
    static final int CONTINUED_TO_NEXT = 0xfffe;
    static final int CONTINUED_PREV_AND_NEXT = 0xffff;

    boolean spansCabinets() {
        return folder >= CONTINUED_FROM_PREV;
    }

    boolean continuesFromPrevious() {
        return folder == CONTINUED_FROM_PREV || folder == CONTINUED_PREV_AND_NEXT;
    }
}
