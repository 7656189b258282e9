package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The detector's other shared structures under real concurrency: the slot allocator, the thread registry,
 * sync clocks and the shadow tables, driven by several platform threads at once. Each test checks an
 * invariant that a lost update or a missed lookup would break.
 */
class DetectorTablesStressTest {

    private static final int SCALE = Integer.getInteger("guarded.stress.scale", 1);
    private static final int THREADS = 4;

    /** No slot is ever held by two live owners, whatever the interleaving of allocations and retirements. */
    @Test
    void slotAllocatorNeverHandsOutAHeldSlot() throws Exception {
        SlotAllocator slots = new SlotAllocator(8);
        AtomicIntegerArray holders = new AtomicIntegerArray(1 << 16);
        runConcurrently(id -> {
            for (int i = 0; i < 20_000 * SCALE; i++) {
                SlotAllocator.Slot slot = slots.allocate();
                if (holders.getAndIncrement(slot.index()) != 0) {
                    throw new AssertionError("slot " + slot.index() + " handed out while held");
                }
                ThreadState owner = new ThreadState(slot.index(), VectorClock.forThread(slot.index(), slot.start()),
                        new ThreadInfo("t", List.of()));
                owner.clock.tick();
                holders.decrementAndGet(slot.index());
                slots.retire(owner);
                slots.retire(owner);
            }
        });
        assertTrue(slots.created() <= 8 + THREADS, "slots created: " + slots.created());
        assertEquals(slots.created(), slots.freeCount());
    }

    /** Many threads asking for the same threads' states at once get one state each, and no slot leaks. */
    @Test
    void registryGivesEveryThreadOneState() throws Exception {
        Harness h = new Harness("");
        int rounds = 2_000 * SCALE;
        Thread[] subjects = new Thread[rounds];
        for (int i = 0; i < rounds; i++) {
            subjects[i] = new Thread(() -> { }, "subject-" + i);
        }
        ThreadState[][] seen = new ThreadState[THREADS][rounds];
        runConcurrently(id -> {
            for (int i = 0; i < rounds; i++) {
                seen[id][i] = h.d.stateOf(subjects[i]);
            }
        });
        for (int i = 0; i < rounds; i++) {
            for (int w = 1; w < THREADS; w++) {
                assertSame(seen[0][i], seen[w][i], "subject " + i);
            }
        }
        assertEquals(rounds, h.d.trackedThreads());
        // Every loser of a creation race gave its slot back at once.
        assertEquals(h.a.slots().created() - rounds, h.a.slots().freeCount());
    }

    /**
     * Real threads take turns on one lock around plain accesses to shared records, each thread also creating
     * fresh objects (new shadow records, new sync clocks, segment resizes) all the time: every access is
     * ordered by the lock, so not one race may be reported.
     */
    @Test
    void lockedAccessesFromManyThreadsStayRaceFree() throws Exception {
        Harness h = new Harness("");
        Object lock = new Object();
        Object[] shared = new Object[64];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = new Object();
        }
        runConcurrently(id -> {
            for (int i = 0; i < 5_000 * SCALE; i++) {
                Object fresh = new Object();
                // The hooks describe what the real monitor does, as instrumented code would.
                synchronized (lock) {
                    h.d.lockAcquired(lock, h.writeSite);
                    h.d.read(shared[i % shared.length], h.field, h.readSite);
                    h.d.write(shared[i % shared.length], h.field, h.writeSite);
                    h.d.write(fresh, h.field, h.writeSite);
                    h.d.lockReleasing(lock, h.writeSite);
                }
                // A private monitor per object: thousands of new sync clocks per thread.
                h.d.lockAcquired(fresh, h.readSite);
                h.d.read(fresh, h.field, h.readSite);
                h.d.lockReleasing(fresh, h.readSite);
            }
        });
        assertEquals(List.of(), h.races(), h.output());
        assertTrue(!h.output().contains("internal error"), h.output());
    }

    /** The same shape without the lock is reported: the test above can fail. */
    @Test
    void unlockedAccessesFromManyThreadsRace() throws Exception {
        Harness h = new Harness("");
        Object shared = new Object();
        runConcurrently(id -> {
            for (int i = 0; i < 1_000; i++) {
                h.d.read(shared, h.field, h.readSite);
                h.d.write(shared, h.field, h.writeSite);
            }
        });
        assertTrue(!h.races().isEmpty(), h.output());
    }

    /**
     * Threads write their own elements of fresh arrays at once while each array's page starts sparse, fills its
     * store and turns dense under them: no write may be lost in the move, so an unordered reader afterwards races
     * with every element's write (each element has its own sites, so no report hides another).
     */
    @Test
    void sparsePagesTurningDenseUnderConcurrentWritesLoseNoWrite() throws Exception {
        int elements = ArrayWords.SPARSE_MIN_ELEMENTS * THREADS;
        for (int round = 0; round < 200 * SCALE; round++) {
            Harness h = new Harness("quiet");
            int[] array = new int[elements];
            int[] writeSites = new int[elements];
            for (int i = 0; i < elements; i++) {
                writeSites[i] = h.site(100 + i);
            }
            runConcurrently(id -> {
                for (int k = 0; k < elements / THREADS; k++) {
                    int i = k * THREADS + id;   // interleaved: every thread's elements land in the one store
                    h.d.arrayWrite(array, i, writeSites[i]);
                }
            });
            ThreadState checker = h.thread("checker");
            for (int i = 0; i < elements; i++) {
                h.a.elementAccess(checker, array, i, h.site(1000 + i), false);
            }
            assertEquals(elements, h.races().size(), "round " + round + ": " + h.output());
        }
    }

    private interface Body {
        void run(int id) throws Exception;
    }

    private static void runConcurrently(Body body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int id = w;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "stress-" + w));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertNull(failure.get());
    }
}
