package dev.guarded.agent.hook;

/**
 * Replacements that instrumented code calls instead of a JDK method whose synchronization effect happens
 * in the middle of the call. Like {@link Hooks}, bootstrap-visible and dependent on nothing but
 * {@code java.base}.
 */
public final class Bridges {

    /**
     * The site id that lock operations observed inside the JDK (a {@code ReentrantLock}, a JDK monitor) report;
     * set once by the agent before any class is instrumented, -1 before.
     */
    public static volatile int jdkSite = -1;

    /**
     * The channel, on an object, shared by every atomic access to one of its fields: VarHandle access modes
     * and field updaters on that object, and volatile accesses to fields of classes that declare a VarHandle
     * or field updater. They must meet on one key because a VarHandle or updater does not say which field it
     * stands for.
     */
    public static final int FIELD_ATOMICS = 2;

    /** The channel, on a concurrent map, of values computed inside {@code compute*}/{@code merge} calls. */
    public static final int COMPUTED = 3;

    /**
     * A mark on a small channel (0 to {@link #COMPUTED}, or a key channel of a concurrent map) passed to
     * {@link Hooks#acquire(Object, int)}: the acquire is an incidental edge, one that orders the thread in this
     * run although the program did not wait for it (a lock taken, a counter incremented, a statistic added).
     * Happens-before treats it as the channel it marks; {@code mode=hybrid} does not count it as a hand-off of
     * what the releasing thread touched. A release may carry it too, and means its channel.
     */
    public static final int INCIDENTAL = 0x1000_0000;

    private Bridges() {
    }

    /**
     * {@code ConcurrentHashMap.merge}'s key: like {@link Hooks#keyAcquireRelease}, with the acquire marked
     * {@link #INCIDENTAL} (a merge does not wait for the values merged before it). A null key orders nothing.
     */
    public static void keyMerge(Object map, Object key) {
        if (key != null) {
            int channel = Hooks.keyChannel(key);
            Hooks.acquire(map, INCIDENTAL | channel);
            Hooks.release(map, channel);
        }
    }

    /** @return whether {@code channel} carries the {@link #INCIDENTAL} mark (element channels never do) */
    public static boolean isIncidental(int channel) {
        return (channel & (0x8000_0000 | INCIDENTAL)) == INCIDENTAL;
    }

    /** @return {@code channel} without its {@link #INCIDENTAL} mark */
    public static int withoutKind(int channel) {
        return channel & ~INCIDENTAL;
    }

    /**
     * The channel, on a value, for its insertion into {@code map}: per (value, map) pair, so that a value
     * shared by many maps (a cached Integer, Boolean.TRUE in key sets) does not link unrelated maps. Above
     * the small fixed channels (bit 31 set).
     */
    public static int elementChannel(Object map) {
        return System.identityHashCode(map) | 0x8000_0000;
    }

    /**
     * Whether an AQS instance is the synchronizer of a {@code ReentrantLock} or {@code ReentrantReadWriteLock},
     * i.e. one whose lock and unlock the agent reports under this very object.
     */
    public static boolean isJdkLockSync(Object sync) {
        String name = sync.getClass().getName();
        return name.startsWith("java.util.concurrent.locks.ReentrantLock$")
                || name.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$");
    }

    /**
     * Stands for {@code monitor.wait()}: the monitor is released while waiting and re-acquired after, so the
     * notifier's critical section happens-before the code after the wait.
     */
    public static void wait(Object monitor, int siteId) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            monitor.wait(); // throws IllegalMonitorStateException exactly as the original call would
            return;
        }
        Hooks.lockReleasing(monitor, siteId);
        try {
            monitor.wait();
        } finally {
            Hooks.lockAcquired(monitor, siteId);
            Hooks.acquire(monitor); // a notified waiter was handed what the notifier released: a transfer edge
        }
    }

    /** Stands for {@code monitor.wait(millis)}; see {@link #wait(Object, int)}. */
    public static void wait(Object monitor, long millis, int siteId) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            monitor.wait(millis);
            return;
        }
        Hooks.lockReleasing(monitor, siteId);
        try {
            monitor.wait(millis);
        } finally {
            Hooks.lockAcquired(monitor, siteId);
            Hooks.acquire(monitor);
        }
    }

    /** Stands for {@code monitor.wait(millis, nanos)}; see {@link #wait(Object, int)}. */
    public static void wait(Object monitor, long millis, int nanos, int siteId) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            monitor.wait(millis, nanos);
            return;
        }
        Hooks.lockReleasing(monitor, siteId);
        try {
            monitor.wait(millis, nanos);
        } finally {
            Hooks.lockAcquired(monitor, siteId);
            Hooks.acquire(monitor);
        }
    }
}
