package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lock handed among many threads, each of which once had to merge two clocks (it knew something the lock
 * did not): the merged clock must stay certified, so that every later hand-off adopts the lock clock's trie
 * instead of merging again ({@link ThreadState#join}, {@link VectorClock#certifyByOwner}; a merge per hand-off
 * was most of the time of 10,000 virtual threads sharing one lock), and the adopted clock must still know
 * everything the thread knew. Whether an adoption is ever wrong is {@link ClockModelTest}'s question.
 */
class LockHandOffTest {

    private final Harness h = new Harness("quiet");
    private final Object lock = new Object();

    @Test
    void aClockThatMergedOnceStaysCertifiedAtEveryLaterHandOff() {
        List<ThreadState> threads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            threads.add(h.thread("t" + i));
        }
        Object latch = new Object();
        // Every thread learns something the lock never will (a release by a thread that never takes the lock),
        // so that its first acquire of the lock merges two tries.
        ThreadState outsider = h.thread("outsider");
        long published = outsider.epoch;
        h.a.release(outsider, latch, 0);
        for (ThreadState t : threads) {
            h.a.acquire(t, latch, 0);
        }
        for (ThreadState t : threads) {
            h.a.lockAcquired(t, lock);
            h.a.lockReleasing(t, lock);
        }
        Object shared = new Object();
        for (int round = 0; round < 3; round++) {
            for (ThreadState t : threads) {
                h.a.lockAcquired(t, lock);
                assertTrue(t.clock.certified(), "round " + round + ", thread " + threads.indexOf(t)
                        + ": the clock stays certified, so that the next hand-off adopts the lock's trie in O(1)");
                h.write(t, shared);
                h.a.lockReleasing(t, lock);
            }
        }
        assertTrue(h.races().isEmpty(), "every write was made under the lock: " + h.output());
        // What the adoption must not lose: the outsider's release, learned only through the latch.
        ThreadState last = threads.get(threads.size() - 1);
        assertTrue(last.knows(published), "the latch's release is still known after the adoptions");
        ThreadState stranger = h.thread("stranger");
        h.write(stranger, shared);
        assertFalse(h.races().isEmpty(), "a write without the lock races with the last holder's");
    }
}
