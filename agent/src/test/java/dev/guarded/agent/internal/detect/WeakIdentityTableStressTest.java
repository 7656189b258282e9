package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Readers look up keys that are certainly present (published by the writer before their index is) while the
 * writer keeps inserting and so resizing segments. A lookup of a present key must never miss: a missed
 * thread state, sync clock or shadow record makes the detector forget an acquire, a join or an ignore.
 */
class WeakIdentityTableStressTest {

    private static final int SCALE = Integer.getInteger("guarded.stress.scale", 1);

    @Test
    void presentKeysAreFoundWhileSegmentsResize() throws InterruptedException {
        // Default geometry (the detector's own) and a tiny one that resizes on every few insertions.
        assertNoMisses(new WeakIdentityTable<>(null), 200_000 * SCALE, false);
        assertNoMisses(new WeakIdentityTable<>(null, 1, 2), 100_000 * SCALE, false);
    }

    @Test
    void presentKeysAreFoundWhileSegmentsSweepCollectedKeys() throws InterruptedException {
        // A short-lived key after every present one, and collections meanwhile: segments unlink cleared
        // entries in place while readers walk the same chains.
        assertNoMisses(new WeakIdentityTable<>(null), 100_000 * SCALE, true);
        assertNoMisses(new WeakIdentityTable<>(null, 1, 2), 50_000 * SCALE, true);
    }

    @Test
    void concurrentInsertersOfOneKeyAgreeOnOneValue() throws InterruptedException {
        WeakIdentityTable<Integer> table = new WeakIdentityTable<>(null, 1, 2);
        int keys = 20_000 * SCALE;
        Object[] shared = new Object[keys];
        for (int i = 0; i < keys; i++) {
            shared[i] = new Object();
        }
        int threads = 3;
        Integer[][] seen = new Integer[threads][keys];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int id = w;
            workers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < keys; i++) {
                        seen[id][i] = table.getOrCreate(shared[i], k -> id);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        assertNull(failure.get());
        for (int i = 0; i < keys; i++) {
            assertEquals(seen[0][i], seen[1][i], "key " + i);
            assertEquals(seen[0][i], seen[2][i], "key " + i);
            assertEquals(seen[0][i], table.get(shared[i]), "key " + i);
        }
        assertEquals(keys, table.size());
    }

    private static void assertNoMisses(WeakIdentityTable<Integer> table, int inserts, boolean garbage)
            throws InterruptedException {
        Object[] keys = new Object[inserts];
        for (int i = 0; i < inserts; i++) {
            keys[i] = new Object();
        }
        AtomicInteger published = new AtomicInteger();
        AtomicLong misses = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicLong lookups = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long n = 0;
                try {
                    while (published.get() < inserts) {
                        int bound = published.get();
                        if (bound == 0) {
                            Thread.onSpinWait();
                            continue;
                        }
                        // Mostly recent keys: they sit in the segments that are about to resize.
                        int i = random.nextBoolean() ? bound - 1 - random.nextInt(Math.min(bound, 64))
                                : random.nextInt(bound);
                        Integer v = table.get(keys[i]);
                        n++;
                        if (v == null) {
                            misses.incrementAndGet();
                        } else if (v != i) {
                            wrong.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
                lookups.addAndGet(n);
            }));
        }
        readers.forEach(Thread::start);
        for (int i = 0; i < inserts; i++) {
            table.putIfAbsent(keys[i], i);
            published.set(i + 1);
            if (garbage) {
                table.putIfAbsent(new Object(), -1);
                if (i % 20_000 == 19_999) {
                    System.gc();
                }
            }
        }
        for (Thread t : readers) {
            t.join();
        }
        assertNull(failure.get());
        assertEquals(0, misses.get(), "lookups of present keys that missed, out of " + lookups.get());
        assertEquals(0, wrong.get(), "lookups that returned another key's value");
        for (int i = 0; i < inserts; i++) {
            assertEquals(i, table.get(keys[i]));
        }
    }
}
