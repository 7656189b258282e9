package dev.guarded.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap bytes in use after full collections: the live-set measure the footprint run subtracts. */
final class HeapProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapProbe() {
    }

    /** @return heap bytes in use once repeated full GCs stop shrinking it */
    static long liveBytes() {
        long previous = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            // Two collections in a row within 64 KiB of each other: the heap has settled.
            if (Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
