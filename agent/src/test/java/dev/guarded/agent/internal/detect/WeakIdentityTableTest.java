package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WeakIdentityTableTest {

    @Test
    void identityNotEquality() {
        WeakIdentityTable<String> t = new WeakIdentityTable<>(null);
        String k1 = new String("k");
        String k2 = new String("k");
        assertEquals("one", t.getOrCreate(k1, k -> "one"));
        assertNull(t.get(k2));
        assertEquals("two", t.putIfAbsent(k2, "two"));
        assertEquals("one", t.putIfAbsent(k1, "three"));
        assertSame("one", t.get(k1));
    }

    @Test
    void growsAndFindsEverything() {
        WeakIdentityTable<Integer> t = new WeakIdentityTable<>(null);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Object k = new Object();
            keys.add(k);
            t.putIfAbsent(k, i);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i, t.get(keys.get(i)));
        }
        assertEquals(5000, t.size());
    }

    @Test
    void collectedKeysAreExpungedAndReported() throws InterruptedException {
        AtomicInteger removed = new AtomicInteger();
        WeakIdentityTable<Integer> t = new WeakIdentityTable<>(v -> removed.incrementAndGet());
        Object kept = new Object();
        t.putIfAbsent(kept, -1);
        for (int i = 0; i < 2000; i++) {
            t.putIfAbsent(new Object(), i);
        }
        for (int attempt = 0; attempt < 50 && t.size() > 1; attempt++) {
            System.gc();
            Thread.sleep(10);
            t.expunge();
        }
        assertTrue(t.size() < 2001, "nothing was reclaimed: " + t.size());
        assertEquals(2001 - t.size(), removed.get());
        assertEquals(-1, t.get(kept));
    }

    @Test
    void insertionsExpungeWithoutBeingAsked() throws InterruptedException {
        AtomicInteger removed = new AtomicInteger();
        WeakIdentityTable<Integer> t = new WeakIdentityTable<>(v -> removed.incrementAndGet());
        for (int i = 0; i < 2000; i++) {
            t.putIfAbsent(new Object(), i);
        }
        List<Object> live = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && removed.get() == 0; attempt++) {
            System.gc();
            Thread.sleep(10);
            Object k = new Object();
            live.add(k);
            t.putIfAbsent(k, -attempt);
        }
        assertTrue(removed.get() > 0, "no insertion reclaimed a collected key; size " + t.size());
        assertEquals(2000 + live.size() - removed.get(), t.size());
    }

    @Test
    void aTableWithoutCallbackSweepsCollectedKeysAsItFills() {
        WeakIdentityTable<Integer> t = new WeakIdentityTable<>(null, 1, 4);
        List<Object> live = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Object k = new Object();
            live.add(k);
            t.putIfAbsent(k, i);
        }
        // 100,000 short-lived keys, a full collection after every 10,000: without the sweep every one of them
        // would still be counted (there is no reference queue to announce them).
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 10_000; i++) {
                t.putIfAbsent(new Object(), -1);
            }
            System.gc();
        }
        for (int i = 0; i < 10_000; i++) {
            t.putIfAbsent(new Object(), -1);
        }
        assertTrue(t.size() < 40_000, "collected keys were not swept: " + t.size() + " entries");
        t.expunge();   // nothing to drain, and nothing live may go
        for (int i = 0; i < live.size(); i++) {
            assertEquals(i, t.get(live.get(i)));
        }
    }

    @Test
    void aTableWithoutCallbackSweepsAfterACollectionBeforeItFills() {
        WeakIdentityTable<Integer> t = new WeakIdentityTable<>(null, 1, 4);
        Object survivor = new Object();
        t.putIfAbsent(survivor, 7);
        for (int i = 0; i < 20_000; i++) {
            t.putIfAbsent(new Object(), -1);
        }
        int before = t.size();
        // After a collection, the first insertion into each segment unlinks the collected keys, however far the
        // segment is from full; a few rounds in case a collection did not reach every key.
        for (int round = 0; round < 20 && t.size() > 100; round++) {
            System.gc();
            t.putIfAbsent(new Object(), -2);
            t.putIfAbsent(new Object(), -3);
            t.putIfAbsent(new Object(), -4);
        }
        assertTrue(t.size() <= 100, "a collection did not lead to a sweep: " + before + " -> " + t.size());
        assertEquals(7, t.get(survivor));
    }

    @Test
    void entriesThatAreTheirOwnValuesAreFoundAndSweptLikeOthers() {
        WeakIdentityTable<LabelledEntry> t = new WeakIdentityTable<>(null, 1, 4);
        AtomicInteger made = new AtomicInteger();
        WeakIdentityTable.EntryFactory<LabelledEntry> factory = (k, h) -> {
            assertEquals(System.identityHashCode(k), h, "the factory is given the key's identity hash");
            return new LabelledEntry(k, h, made.incrementAndGet());
        };
        List<Object> live = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Object k = new int[1];
            live.add(k);
            LabelledEntry e = t.createEntryAfterMiss(k, factory);
            assertSame(k, e.get(), "the entry refers to its key");
            assertSame(e, t.get(k));
        }
        // A second creation finds the entry under the segment's monitor and makes nothing.
        assertSame(t.get(live.get(0)), t.createEntryAfterMiss(live.get(0), factory));
        assertEquals(1000, made.get());
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 10_000; i++) {
                t.createEntryAfterMiss(new int[1], factory);
            }
            System.gc();
        }
        t.createEntryAfterMiss(new int[1], factory);
        assertTrue(t.size() < 30_000, "collected keys were not swept: " + t.size() + " entries");
        for (int i = 0; i < live.size(); i++) {
            assertEquals(i + 1, t.get(live.get(i)).label);
        }
    }

    @Test
    void aTableWithARemovalCallbackRefusesEntriesMadeElsewhere() {
        WeakIdentityTable<LabelledEntry> t = new WeakIdentityTable<>(v -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.createEntryAfterMiss(new Object(), (k, h) -> new LabelledEntry(k, h, 0)));
        assertTrue(e.getMessage().contains("removal callback"), e.getMessage());
        assertEquals(0, t.size());
    }
}
