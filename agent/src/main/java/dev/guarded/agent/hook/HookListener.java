package dev.guarded.agent.hook;

/**
 * What instrumented code reports to the detector. The agent installs exactly one implementation through
 * {@link Hooks#install(HookListener)}; instrumented code never calls a listener directly, only {@link Hooks}.
 *
 * <p>Identifiers: {@code fieldId} and {@code siteId} are small non-negative integers handed out at
 * instrumentation time by the agent's metadata registry ({@code dev.guarded.agent.internal.meta}); a site is
 * one bytecode location (class, method, source file, line). A "sync key" is any object whose identity names a
 * happens-before channel (a monitor, a lock, a future, a queue, a thread); {@code channel} distinguishes
 * several independent clocks on one key (0 is the default).
 *
 * <p>Contract for implementations: never throw, never block on application locks, never call back into
 * instrumented code, and never allocate on the per-access fast path once a location has been seen.
 */
public interface HookListener {

    /** A read of a plain (non-volatile, non-final) instance or static field; {@code owner} is null for statics. */
    void read(Object owner, int fieldId, int siteId);

    /** A write of a plain instance or static field; {@code owner} is null for statics. */
    void write(Object owner, int fieldId, int siteId);

    /** A load of {@code array[index]}. */
    void arrayRead(Object array, int index, int siteId);

    /** A store to {@code array[index]}. */
    void arrayWrite(Object array, int index, int siteId);

    /** A volatile read (or an atomic get): acquires the (owner, field) clock; owner null for statics. */
    void volatileRead(Object owner, int fieldId);

    /** A volatile write (or an atomic set): releases into the (owner, field) clock; owner null for statics. */
    void volatileWrite(Object owner, int fieldId);

    /**
     * A lock became held by the current thread: a monitor entered, a {@code Lock} acquired. Acquires the
     * lock's clock and adds the lock to the thread's held set (reentrant holds are counted).
     */
    void lockAcquired(Object lock, int siteId);

    /** A lock is about to be released by the current thread: releases into its clock, drops it from the held set. */
    void lockReleasing(Object lock, int siteId);

    /**
     * As {@link #lockAcquired}, for the synchronizer of a JDK exclusive lock ({@code ReentrantLock}, a write lock),
     * whose every acquire and release of this key is reported while the lock is held (a write lock's readers only
     * acquire it, while no writer holds it): the lock itself keeps them apart, so the listener need not. Callers
     * report it only for a holder. The default is {@link #lockAcquired}.
     */
    default void exclusiveLockAcquired(Object lock, int siteId) {
        lockAcquired(lock, siteId);
    }

    /** As {@link #lockReleasing}, for the lock of {@link #exclusiveLockAcquired}, by its holder. */
    default void exclusiveLockReleasing(Object lock, int siteId) {
        lockReleasing(lock, siteId);
    }

    /**
     * A lock became held without ordering anything: a shared (read) hold, which must not order the holder
     * after other readers. Adds {@code lock} to the thread's held set (holds are counted, together with
     * {@link #lockAcquired} holds of the same object) and nothing else. The default does nothing, which is
     * right for a listener that keeps no locksets.
     */
    default void lockHeld(Object lock, int siteId) {
    }

    /**
     * A hold taken by {@link #lockHeld} is being given up: removes one hold of {@code lock} from the thread's
     * held set and releases nothing. The default does nothing, which is right for a listener that keeps no
     * locksets.
     */
    default void lockDropped(Object lock, int siteId) {
    }

    /** Happens-before acquire: the current thread joins the clock of {@code (key, channel)}. */
    void acquire(Object key, int channel);

    /** Happens-before release: the clock of {@code (key, channel)} joins the current thread's clock. */
    void release(Object key, int channel);

    /** The current thread is about to start {@code thread}: everything so far happens-before its first action. */
    void threadStarting(Thread thread);

    /**
     * The current thread observed that {@code thread} terminated (a join returned, {@code isAlive()} was
     * false): everything {@code thread} did happens-before what the current thread does next.
     */
    void threadTerminated(Thread thread);

    /**
     * The current thread has finished its work and is about to exit (its last action as a thread): nothing it
     * does happens-before anything because of this; the detector only drops what the running thread alone
     * needed. A thread that never reaches it (killed with the JVM) simply keeps that until it is collected.
     */
    default void threadExiting() {
    }

    /** The static initializer of {@code type} finished; it happens-before every later use of the type. */
    void classInitialized(Class<?> type);

    /** Code about to use {@code type} (static access, allocation) from another class: acquires its initialization. */
    void classUsed(Class<?> type);

    /**
     * The current thread enters JDK-internal code whose synchronization the model replaces (a virtual thread's
     * continuation being handed to its scheduler): hooks it fires until the matching {@link #ignoreEnd} are
     * ignored. Regions nest. The default does nothing.
     */
    default void ignoreBegin() {
    }

    /** Leaves the region opened by the matching {@link #ignoreBegin}. The default does nothing. */
    default void ignoreEnd() {
    }

    /**
     * The calling thread's context for the shadow-word fast path ({@link Hooks#context()}); the detector also
     * makes it the thread's cached context. The default never matches, so every access reaches the listener.
     */
    default ThreadContext context() {
        return ThreadContext.UNTRACKED;
    }

    /**
     * A read of a field with shadow words whose read word did not hold the context's epoch. The default
     * treats it like {@link #read}.
     */
    default void wordRead(Object owner, ThreadContext context, int fieldId, int siteId) {
        read(owner, fieldId, siteId);
    }

    /**
     * A write of a field with shadow words whose write word did not hold the context's epoch. The default
     * treats it like {@link #write}.
     */
    default void wordWrite(Object owner, ThreadContext context, int fieldId, int siteId) {
        write(owner, fieldId, siteId);
    }

    /** A load of {@code array[index]} the context's last page did not answer. The default is {@link #arrayRead}. */
    default void elementRead(Object array, int index, ThreadContext context, int siteId) {
        arrayRead(array, index, siteId);
    }

    /** A store to {@code array[index]} the context's last page did not answer. The default is {@link #arrayWrite}. */
    default void elementWrite(Object array, int index, ThreadContext context, int siteId) {
        arrayWrite(array, index, siteId);
    }

    /**
     * {@code copy} was just made by {@code Object.clone} (a {@code super.clone()} call returned it): its shadow
     * words are a copy of the original's and must be replaced by the clone's own history, every field
     * written by the current thread at {@code siteId}. The default does nothing.
     */
    default void cloned(Object copy, int siteId) {
    }

    /**
     * Application code is about to call a method that only looks at {@code receiver}'s state ({@code get},
     * {@code size}, {@code iterator}, an iterator's {@code next}...). When {@code receiver} is an instance of
     * one of the JDK's non-thread-safe classes (or a view or iterator recorded by {@link #callView}), this is a
     * read of that object's abstract state. The default does nothing.
     */
    default void callRead(Object receiver, int siteId) {
    }

    /** Like {@link #callRead}, for a method that changes the state ({@code put}, {@code add}, {@code append}...). */
    default void callWrite(Object receiver, int siteId) {
    }

    /**
     * Application code is about to call {@code get}, {@code set} or {@code remove} on {@code threadLocal}: the
     * value it reaches is confined to the calling physical thread, so this logical thread is ordered after
     * the logical thread that last used {@code threadLocal} on the same physical thread (another task the same
     * worker ran before). The default does nothing.
     */
    default void threadLocalUsed(Object threadLocal) {
    }

    /**
     * A call on {@code receiver} returned {@code view}, a view or iterator backed by it ({@code keySet()},
     * {@code subList}, {@code iterator()}, {@code Collections.unmodifiableList}): later calls on the view count
     * against the object backing {@code receiver}. The default does nothing.
     */
    default void callView(Object view, Object receiver) {
    }

    /**
     * The current thread starts running {@code task} (an executor's task, a fork/join task, a completion
     * stage) as a logical thread of its own, until the matching {@link #taskEnd}: the task knows what was
     * released into {@code task} before (its submission) and, when {@code inheritCaller}, everything the
     * caller did so far (the caller runs it itself), nothing of what the thread ran before. Tasks nest; a
     * begin under the key of the running task only counts a re-entry. The default does nothing.
     *
     * @param executor the executor running it, into which its end is also released (awaitTermination), or null
     */
    default void taskBegin(Object task, Object executor, boolean inheritCaller) {
    }

    /**
     * The task begun by {@link #taskBegin} with the same key ends: it releases into its executor, and the
     * thread continues as the logical thread it was before. An end that does not match
     * the running task is ignored. The default does nothing.
     */
    default void taskEnd(Object task) {
    }

    /**
     * An executor was constructed; the detector decides from how (e.g. {@code Executors.newSingleThreadExecutor},
     * whose tasks run sequentially) which ordering between its tasks the API promises. The default does nothing.
     */
    default void executorCreated(Object executor) {
    }

    /** A listener that ignores everything: the state before the agent installs the detector. */
    HookListener NONE = new Silent();

    /** Ignores every event; a base for listeners that handle only a few (tests, tools). */
    class Silent implements HookListener {
        @Override public void read(Object owner, int fieldId, int siteId) { }
        @Override public void write(Object owner, int fieldId, int siteId) { }
        @Override public void arrayRead(Object array, int index, int siteId) { }
        @Override public void arrayWrite(Object array, int index, int siteId) { }
        @Override public void volatileRead(Object owner, int fieldId) { }
        @Override public void volatileWrite(Object owner, int fieldId) { }
        @Override public void lockAcquired(Object lock, int siteId) { }
        @Override public void lockReleasing(Object lock, int siteId) { }
        @Override public void acquire(Object key, int channel) { }
        @Override public void release(Object key, int channel) { }
        @Override public void threadStarting(Thread thread) { }
        @Override public void threadTerminated(Thread thread) { }
        @Override public void classInitialized(Class<?> type) { }
        @Override public void classUsed(Class<?> type) { }
    }
}
