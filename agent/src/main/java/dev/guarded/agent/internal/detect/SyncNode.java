package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.Bridges;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the detector keeps about one synchronization object: channel 0's clock, other channels
 * (volatile fields of the object, API-specific channels) in a small copy-on-write list read without locking,
 * and its {@link LockRef} once it was used as a lock.
 */
final class SyncNode {

    /** The channel list, replaced as a whole so that lock-free readers see keys and states that match. */
    private record Channels(long[] keys, SyncState[] states) {
    }

    private static final Channels NO_CHANNELS = new Channels(new long[0], new SyncState[0]);
    private static final VarHandle ATOMICS;

    static {
        try {
            ATOMICS = MethodHandles.lookup().findVarHandle(SyncNode.class, "atomics", SyncState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SyncState main = new SyncState();
    /**
     * Channel {@link Bridges#FIELD_ATOMICS}: the object's volatile fields, VarHandles, field updaters and
     * {@code Unsafe}, the channel most objects have beside {@link #main} (every object with a volatile field
     * that is written). Kept out of the list: one load finds it on every volatile access, and the first one
     * creates it by one compare-and-set, where the list took the node's monitor and three allocations.
     */
    private volatile SyncState atomics;
    private volatile Channels channels = NO_CHANNELS;
    private volatile LockRef lockRef;
    /**
     * For an executor: whether its factory promises that tasks run one at a time in submission order
     * ({@link RaceAnalysis#executorCreated}). Set while the executor is constructed, before it can be used.
     */
    volatile boolean sequential;

    /**
     * For a task or future object: the flow segment that last released into it ({@link Flows}), which a task
     * acquiring it may continue. Plain: written before the release and read after the matching acquire.
     */
    Flows.Segment handoff;

    /**
     * How often the weak table answered for this node, up to {@link SharedSyncNodes#INSTALL_AFTER}: racy. A
     * byte, which fits beside {@link #sequential}; an int would take four more.
     */
    byte tableLookups;

    /** @return the channel's clock, created when {@code create}, else null when never released into */
    SyncState channel(long key, boolean create) {
        if (key == Bridges.FIELD_ATOMICS) {
            SyncState a = atomics;
            return a != null || !create ? a : createAtomics();
        }
        Channels c = channels;
        for (int i = 0; i < c.keys.length; i++) {
            if (c.keys[i] == key) {
                return c.states[i];
            }
        }
        return create ? addChannel(key) : null;
    }

    LockRef lockRef(Object lock, AtomicInteger ids) {
        LockRef r = lockRef;
        return r != null ? r : createLockRef(lock, ids);
    }

    private SyncState createAtomics() {
        SyncState fresh = new SyncState();
        return ATOMICS.compareAndSet(this, null, fresh) ? fresh : atomics;
    }

    private synchronized SyncState addChannel(long key) {
        Channels c = channels;
        for (int i = 0; i < c.keys.length; i++) {
            if (c.keys[i] == key) {
                return c.states[i];
            }
        }
        int n = c.keys.length;
        long[] keys = Arrays.copyOf(c.keys, n + 1);
        SyncState[] states = Arrays.copyOf(c.states, n + 1);
        keys[n] = key;
        states[n] = new SyncState();
        channels = new Channels(keys, states);
        return states[n];
    }

    private synchronized LockRef createLockRef(Object lock, AtomicInteger ids) {
        if (lockRef == null) {
            lockRef = new LockRef(ids.incrementAndGet(), lock);
        }
        return lockRef;
    }
}
