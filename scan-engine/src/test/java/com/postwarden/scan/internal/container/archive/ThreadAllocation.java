package com.postwarden.scan.internal.container.archive;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated by the calling thread so far (HotSpot's per-thread counter), to bound what code allocates. */
final class ThreadAllocation {

    private ThreadAllocation() {
    }

    static long bytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
