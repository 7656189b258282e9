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
     * A mark on a small channel (0 to {@link #COMPUTED}, or {@link #STORED_KEY}) passed to
     * {@link Hooks#acquire(Object, int)}: the acquire is an incidental edge, one that orders the thread in this
     * run although the program did not wait for it (a lock taken, a counter incremented, a statistic added).
     * Happens-before treats it as the channel it marks; {@code mode=hybrid} does not count it as a hand-off of
     * what the releasing thread touched. A release may carry it too, and means its channel.
     */
    public static final int INCIDENTAL = 0x1000_0000;

    private Bridges() {
    }

    /**
     * The channel, on a key object, of its insertion into a concurrent map ({@link #keyStored}): a lookup that
     * meets the stored key acquires it right before comparing ({@link #storedKeyEquals}). Above the small
     * fixed channels and below the element channels; never carries the {@link #INCIDENTAL} mark.
     */
    public static final int STORED_KEY = 0x4000_0000;

    /**
     * At the entry of a concurrent map update that may insert {@code key} ({@code ConcurrentHashMap.putVal},
     * {@code compute*}, {@code merge}, {@code ConcurrentSkipListMap.doPut}): releases into the key itself,
     * before it can become visible to another thread's lookup. Keys of the JDK's value classes are skipped
     * ({@link #carriesProgramState}). A null key orders nothing (the map throws).
     *
     * @param key the key that the update may insert, or null
     */
    public static void keyStored(Object key) {
        if (key != null && carriesProgramState(key)) {
            Hooks.release(key, STORED_KEY);
        }
    }

    /**
     * Replaces {@code probe.equals(stored)} inside {@code ConcurrentHashMap}: the map compares a key (or value)
     * with one it found in a bin, and {@code equals} may read the found object's fields. The map promises that
     * a retrieval which meets an inserted key is ordered after the insertion, so the insertion's release into
     * the stored key ({@link #keyStored}) is acquired here, at the comparison: an acquire on method entry
     * would miss a key inserted after the lookup started and before it read the bin. Same result as the call
     * it replaces.
     *
     * @param probe  the receiver of the original call (never null there)
     * @param stored the argument, an object found in the map (the map checks it for null first)
     * @return {@code probe.equals(stored)}
     */
    public static boolean storedKeyEquals(Object probe, Object stored) {
        keySeen(stored);
        return probe.equals(stored);
    }

    /**
     * Replaces {@code probe.equals(stored)} inside {@code ConcurrentHashMap.merge}: as {@link #storedKeyEquals},
     * with the acquire marked {@link #INCIDENTAL}, as {@code merge}'s other acquires are: a merge does not wait
     * for the merges before it, whichever of them inserted the key.
     *
     * @return {@code probe.equals(stored)}
     */
    public static boolean storedKeyEqualsIncidental(Object probe, Object stored) {
        if (stored != null && carriesProgramState(stored)) {
            Hooks.acquire(stored, INCIDENTAL | STORED_KEY);
        }
        return probe.equals(stored);
    }

    /**
     * Replaces {@code ((Comparable) probe).compareTo(stored)} inside the concurrent maps (a tree bin of
     * {@code ConcurrentHashMap}, {@code ConcurrentSkipListMap.cpr}): as {@link #storedKeyEquals}. Either
     * argument may be the stored key ({@code cpr} is called both ways), so both are acquired.
     *
     * @return {@code probe.compareTo(stored)}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int storedKeyCompare(Object probe, Object stored) {
        keySeen(probe);
        keySeen(stored);
        return ((Comparable) probe).compareTo(stored);
    }

    /**
     * Replaces {@code comparator.compare(x, y)} in {@code ConcurrentSkipListMap.cpr}: as
     * {@link #storedKeyCompare(Object, Object)}.
     *
     * @return {@code comparator.compare(x, y)}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int storedKeyCompare(Object comparator, Object x, Object y) {
        keySeen(x);
        keySeen(y);
        return ((java.util.Comparator) comparator).compare(x, y);
    }

    /**
     * A key that a concurrent map hands out or compares (an iterator's {@code next}, an entry of the entry
     * view, a comparison): acquires what its insertions released ({@link #keyStored}). Null orders nothing.
     *
     * @param key a key found in a concurrent map, or null
     */
    public static void keySeen(Object key) {
        if (key != null && carriesProgramState(key)) {
            Hooks.acquire(key, STORED_KEY);
        }
    }

    /**
     * Whether a key's {@code equals}/{@code compareTo} may read state the detector watches. Strings and the
     * boxed integers are the commonest keys, compare only their own final fields, and are often shared
     * between maps (interned literals, cached boxes): skipping them saves a release per insert and an acquire
     * per comparison, and keeps one map's inserts from ordering another map's lookups.
     */
    private static boolean carriesProgramState(Object key) {
        Class<?> type = key.getClass();
        return type != String.class && type != Integer.class && type != Long.class;
    }

    /**
     * Follows every read of {@code CompletableFuture.result} inside the JDK's {@code CompletableFuture} code:
     * a non-null result read means the future completed, and its completion (released on entry of the
     * completing method) happens-before whatever the reader does with it, such as running a dependent stage's
     * function at once in the thread that registered it. Acquiring at the read, not on entry of the stage
     * method, covers a source that completes while the stage method runs.
     *
     * @param result the value just read from {@code future.result}
     * @param future the future it was read from
     * @return {@code result}, unchanged
     */
    public static Object resultRead(Object result, Object future) {
        if (result != null) {
            Hooks.acquire(future);
        }
        return result;
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
