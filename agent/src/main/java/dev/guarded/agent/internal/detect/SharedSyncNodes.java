package dev.guarded.agent.internal.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * The sync nodes of the few synchronization objects that many threads use (the latch every task counts down,
 * the executor every task completes into, a shared atomic counter), found without the weak table. A thread's
 * own cache ({@link RaceAnalysis#node}) serves a thread that synchronizes often; this one serves the many short
 * threads and tasks that synchronize a few times each on the same objects, for which each weak-table lookup
 * was two or three cache misses in a table of a million entries.
 *
 * <p>Direct-mapped by identity hash; a node gets a slot once the table has answered for it {@link #INSTALL_AFTER}
 * times, so the one-off keys of short tasks (each its own future) neither allocate slots nor evict the shared
 * ones. A slot refers to its key weakly, so the cache keeps no object alive, and a node never changes while
 * its key lives, so a hit is always current. Slots are immutable and published with release semantics.
 */
final class SharedSyncNodes {

    /** Slots (a power of two). */
    static final int WAYS = 256;
    /** Table lookups of one node before it gets a slot. */
    static final int INSTALL_AFTER = 16;

    /**
     * Read and written through {@link #SLOTS}, not an {@code AtomicReferenceArray}: the agent models that class
     * for the program, so each lookup through it called back into the detector (which the busy thread then
     * ignored): 15% of the samples of 300,000 parked virtual threads went to those ignored calls.
     */
    private final Slot[] slots = new Slot[WAYS];
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Slot[].class);

    /** One key, weakly, and its node. */
    private static final class Slot extends WeakReference<Object> {
        final SyncNode node;

        Slot(Object key, SyncNode node) {
            super(key);
            this.node = node;
        }
    }

    /** @return the node of {@code key}, whose identity hash is {@code hash}, or null when it has no slot */
    SyncNode get(Object key, int hash) {
        Slot s = (Slot) SLOTS.getAcquire(slots, hash & (WAYS - 1));
        return s != null && s.refersTo(key) ? s.node : null;
    }

    /**
     * Counts one table lookup of {@code node}, the node of {@code key}, and gives it the key's slot when it has
     * had enough. The count is racy on purpose: a lost increment only delays the slot.
     */
    void lookedUp(Object key, int hash, SyncNode node) {
        int n = node.tableLookups;
        if (n < INSTALL_AFTER && (node.tableLookups = (byte) (n + 1)) == INSTALL_AFTER) {
            SLOTS.setRelease(slots, hash & (WAYS - 1), new Slot(key, node));
        }
    }
}
