package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Counts bytes allocated by the calling thread (not time): seen locations must not allocate per access. */
class AllocationTest {

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @SuppressWarnings("deprecation")
    private static void assumeMeasurable() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean
                && ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                        .isThreadAllocatedMemoryEnabled(), "this JVM cannot count allocated bytes per thread");
    }

    @Test
    void accessesToSeenLocationsDoNotAllocate() {
        assumeMeasurable();
        Harness h = new Harness("quiet");
        Object[] objects = new Object[64];
        int[] array = new int[64];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = new Object();
        }
        Object lock = new Object();
        Runnable round = () -> {
            for (int i = 0; i < 64; i++) {
                h.d.lockAcquired(lock, 0);
                h.d.read(objects[i], h.field, h.readSite);
                h.d.write(objects[i], h.field, h.writeSite);
                h.d.arrayWrite(array, i, h.writeSite);
                h.d.arrayRead(array, i, h.readSite);
                h.d.volatileRead(objects[i], 7);
                h.d.lockReleasing(lock, 0);
            }
        };
        for (int warm = 0; warm < 200; warm++) {
            round.run();
        }
        long before = allocated();
        for (int k = 0; k < 200; k++) {
            round.run();
        }
        long bytes = allocated() - before;
        assertTrue(bytes < 16 * 1024, "12,800 lock rounds with 5 accesses each allocated " + bytes + " bytes");
    }
}
