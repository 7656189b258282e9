package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

class SharedSyncNodesTest {

    @Test
    void aNodeGetsItsSlotAfterEnoughTableLookupsAndOnlyItsKeyFindsIt() {
        SharedSyncNodes shared = new SharedSyncNodes();
        Object key = new Object();
        int hash = System.identityHashCode(key);
        SyncNode node = new SyncNode();
        for (int i = 1; i < SharedSyncNodes.INSTALL_AFTER; i++) {
            shared.lookedUp(key, hash, node);
            assertNull(shared.get(key, hash), "a slot after " + i + " lookups");
        }
        shared.lookedUp(key, hash, node);
        assertSame(node, shared.get(key, hash));
        // Another key in the same slot is no hit: the slot compares identities, not hashes.
        assertNull(shared.get(new Object(), hash));
        // More lookups neither overflow the count nor replace the slot.
        for (int i = 0; i < 300; i++) {
            shared.lookedUp(key, hash, node);
        }
        assertSame(node, shared.get(key, hash));
    }

    @Test
    void aSlotEvictsTheOneBeforeItAndKeepsNoKeyAlive() throws InterruptedException {
        SharedSyncNodes shared = new SharedSyncNodes();
        Object first = new Object();
        int hash = System.identityHashCode(first);
        SyncNode firstNode = lookedUpEnough(shared, first, hash);
        Object second = new Object();
        SyncNode secondNode = lookedUpEnough(shared, second, hash);   // the same slot, given the first key's hash
        assertSame(secondNode, shared.get(second, hash));
        assertNull(shared.get(first, hash));

        WeakReference<Object> gone = new WeakReference<>(second);
        second = null;
        for (int i = 0; i < 50 && !gone.refersTo(null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(gone.refersTo(null), "the cache kept its key alive");
    }

    @Test
    void threadsRacingForOneSlotOnlyEverSeeTheirKeysOwnNode() throws Exception {
        SharedSyncNodes shared = new SharedSyncNodes();
        int keys = 8;
        Object[] key = new Object[keys];
        SyncNode[] node = new SyncNode[keys];
        for (int k = 0; k < keys; k++) {
            key[k] = new Object();
            node[k] = new SyncNode();
        }
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int seed = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200_000; i++) {
                    int k = (i * 7 + seed) % keys;
                    // Every key given the same hash: all of them fight for slot 0.
                    SyncNode found = shared.get(key[k], 0);
                    if (found == null) {
                        shared.lookedUp(key[k], 0, node[k]);
                    } else if (found != node[k]) {
                        wrong.incrementAndGet();
                    } else {
                        hits.incrementAndGet();
                    }
                    if (i % 5_000 == 0) {
                        node[k].tableLookups = 0;   // let the key win the slot again
                    }
                }
            });
        }
        for (Thread th : threads) {
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertTrue(wrong.get() == 0, wrong.get() + " lookups found another key's node");
        assertTrue(hits.get() > 0, "the slot never answered");
    }

    /** @return a new node, looked up in the table for {@code key} as often as it takes to get a slot */
    private static SyncNode lookedUpEnough(SharedSyncNodes shared, Object key, int hash) {
        SyncNode node = new SyncNode();
        for (int i = 0; i < SharedSyncNodes.INSTALL_AFTER; i++) {
            shared.lookedUp(key, hash, node);
        }
        return node;
    }
}
