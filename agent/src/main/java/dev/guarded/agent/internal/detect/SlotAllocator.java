package dev.guarded.agent.internal.detect;

import java.util.ArrayDeque;

/**
 * Hands out vector-clock slots and takes back those of threads that terminated (seen joined/dead, or whose
 * {@code Thread} was garbage-collected), so that millions of short-lived threads keep clocks bounded by the
 * number of threads alive at once.
 *
 * <p>Reuse follows ThreadSanitizer: the new occupant continues the slot's counter above the old thread's
 * last value and starts by acquiring the old thread's final clock. Without that acquire, knowing the new
 * occupant's epoch would wrongly imply knowing the old one's accesses (a missed race); with it, the old
 * thread happens-before the new occupant, which can only hide races (never invent one) between the dead
 * thread and threads ordered after the new one. To keep that rare, slots are reused only once
 * {@code reuseAfter} slots exist, oldest freed first, and only once more than {@code quarantine} slots wait:
 * tasks end and begin in quick succession on one worker, and a task that took the slot of the task that
 * ended just before it would be ordered after that task, which the program never promised (two tasks that
 * race would look ordered). With a quarantine, a slot is reused only after that many other logical
 * threads ended after its occupant. Thread-safe (synchronized; never calls out).
 */
final class SlotAllocator {

    /** A slot ready to be taken: its index, the first counter value, the clock to acquire (or null). */
    record Slot(int index, long start, VectorClock previous) {
    }

    private final int reuseAfter;
    private final int quarantine;
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private int next;
    private long reused;

    /** An allocator without quarantine: a freed slot is reused by the next allocation once enough exist. */
    SlotAllocator(int reuseAfter) {
        this(reuseAfter, 0);
    }

    SlotAllocator(int reuseAfter, int quarantine) {
        this.reuseAfter = reuseAfter;
        this.quarantine = quarantine;
    }

    synchronized Slot allocate() {
        if (next >= reuseAfter && free.size() > quarantine) {
            reused++;
            return free.poll();
        }
        if (next > Epoch.MAX_TID) {
            throw new IllegalStateException("more than " + Epoch.MAX_TID + " threads alive at once");
        }
        return new Slot(next++, 1, null);
    }

    /** Takes back a dead thread's slot; idempotent. */
    synchronized void retire(ThreadState dead) {
        if (dead.retired) {
            return;
        }
        dead.retired = true;
        dead.releaseCaches();
        // The dead thread's clock itself, not a copy: nothing changes it any more (its thread ran its last
        // hook, or the task ended), and joins only read it. A copy was 56 bytes per ended task.
        free.add(new Slot(dead.tid, dead.clock.own() + 1, dead.clock));
    }

    /** @return slots ever created (the width vector clocks can reach) */
    synchronized int created() {
        return next;
    }

    /** @return how many allocations reused a retired slot */
    synchronized long reusedCount() {
        return reused;
    }

    /** @return slots waiting to be reused */
    synchronized int freeCount() {
        return free.size();
    }
}
