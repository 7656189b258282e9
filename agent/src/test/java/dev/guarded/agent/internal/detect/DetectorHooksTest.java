package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real threads calling the public hook methods, as instrumented code does. */
class DetectorHooksTest {

    private final Harness h = new Harness("");
    private final Object counter = new Object();

    private void runWorkers(boolean locked) throws InterruptedException {
        Object lock = new Object();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 200; k++) {
                    if (locked) {
                        synchronized (lock) {
                            h.d.lockAcquired(lock, 0);
                            h.d.read(counter, h.field, h.readSite);
                            h.d.write(counter, h.field, h.writeSite);
                            h.d.lockReleasing(lock, 0);
                        }
                    } else {
                        h.d.read(counter, h.field, h.readSite);
                        h.d.write(counter, h.field, h.writeSite);
                    }
                }
            }, "worker-" + i);
            h.d.threadStarting(t);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
            h.d.threadTerminated(t);
        }
        h.d.read(counter, h.field, h.site(99));
    }

    @Test
    void lockedCounterIsClean() throws InterruptedException {
        runWorkers(true);
        assertEquals(0, h.races().size(), h.output());
    }

    @Test
    void unlockedCounterIsReportedOncePerSitePair() throws InterruptedException {
        runWorkers(false);
        assertTrue(h.races().size() >= 1 && h.races().size() <= 2, h.races().toString());
        assertTrue(h.races().stream().allMatch(r -> r.field().equals("com.acme.Counter.value")));
        assertTrue(h.output().contains("Thread \"worker-"), h.output());
    }

    @Test
    void anExitingThreadDropsItsCachesAndJoinersStillSeeItsWrites() throws InterruptedException {
        int[] array = new int[8];
        ThreadState[] state = new ThreadState[1];
        boolean[] cachedBeforeExit = new boolean[1];
        Thread worker = new Thread(() -> {
            for (int k = 0; k < array.length; k++) {
                h.d.arrayWrite(array, k, h.writeSite);
            }
            state[0] = h.a.registry().own(Thread.currentThread());
            cachedBeforeExit[0] = state[0].wordsArrays != null;
            h.d.threadExiting();
        }, "exiting");
        h.d.threadStarting(worker);
        worker.start();
        worker.join();
        h.d.threadTerminated(worker);
        assertTrue(cachedBeforeExit[0], "the worker's array cache existed before it exited");
        assertNull(state[0].wordsArrays, "the exiting thread dropped its array cache");
        for (int k = 0; k < array.length; k++) {
            h.d.arrayRead(array, k, h.readSite);
        }
        assertEquals(0, h.races().size(), h.output());
    }

    @Test
    void hooksNeverThrowAndWarnOnce() {
        h.d.arrayRead(null, 0, 0);                 // the instruction will throw: no access, no error
        h.d.read(null, -5, h.readSite);            // an id no instrumenter hands out
        h.d.write(null, -6, h.writeSite);
        h.d.read(counter, h.field, h.readSite);
        String out = h.output();
        assertTrue(out.startsWith("guarded: internal error in the race detector"), out);
        assertEquals(out.indexOf("internal error"), out.lastIndexOf("internal error"), "one warning only");
    }

    @Test
    void hooksFiredWhileTheDetectorRunsAreIgnored() throws InterruptedException {
        ThreadState self = h.d.stateOf(Thread.currentThread());
        self.busy = true;
        h.d.write(counter, h.field, h.writeSite);
        self.busy = false;
        Thread other = new Thread(() -> h.d.write(counter, h.field, h.writeSite), "other");
        other.start();
        other.join();
        assertEquals(0, h.races().size(), "the busy thread's write was not recorded");
        h.d.write(counter, h.field, h.writeSite);
        assertEquals(1, h.races().size(), "once not busy, the same write races with other's");
    }

    @Test
    void syncInsideAnIgnoredRegionOrdersNothingAndRegionsNest() throws InterruptedException {
        Object key = new Object();
        Thread writer = new Thread(() -> {
            h.d.write(counter, h.field, h.writeSite);
            h.d.ignoreBegin();
            h.d.ignoreBegin();
            h.d.ignoreEnd();
            h.d.release(key, 0);
            h.d.ignoreEnd();
        }, "writer");
        h.d.threadStarting(writer);
        writer.start();
        writer.join();
        h.d.acquire(key, 0);
        h.d.read(counter, h.field, h.readSite);
        assertEquals(1, h.races().size(), "the release made inside the region must not order the read");

        Object fresh = new Object();
        Thread second = new Thread(() -> {
            h.d.write(fresh, h.field, h.site(7));
            h.d.release(key, 0);
        }, "second");
        h.d.threadStarting(second);
        second.start();
        second.join();
        h.d.acquire(key, 0);
        h.d.read(fresh, h.field, h.site(8));
        assertEquals(1, h.races().size(), "after the region, the same release orders the read: " + h.races());
    }
}
