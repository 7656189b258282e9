package dev.guarded.agent.internal.detect;

/**
 * Everything the detector keeps about one synchronization object: channel 0's clock, other channels
 * (volatile fields of the object, API-specific channels) in a small list, and its {@link LockRef} once it
 * was used as a lock.
 */
final class SyncNode {

    final SyncState main = new SyncState();
    private long[] keys = new long[0];
    private SyncState[] states = new SyncState[0];
    private LockRef lockRef;

    /** @return the channel's clock, created when {@code create}, else null when never released into */
    synchronized SyncState channel(long key, boolean create) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return states[i];
            }
        }
        if (!create) {
            return null;
        }
        int n = keys.length;
        keys = java.util.Arrays.copyOf(keys, n + 1);
        states = java.util.Arrays.copyOf(states, n + 1);
        keys[n] = key;
        states[n] = new SyncState();
        return states[n];
    }

    synchronized LockRef lockRef(Object lock, java.util.concurrent.atomic.AtomicInteger ids) {
        if (lockRef == null) {
            lockRef = new LockRef(ids.incrementAndGet(), lock);
        }
        return lockRef;
    }
}
