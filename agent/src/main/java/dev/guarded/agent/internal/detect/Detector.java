package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.options.AgentOptions;
import dev.guarded.report.Report;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The race detector as the hooks see it: a guard facade over {@link RaceAnalysis}.
 *
 * <p>Every hook finds the state of the calling thread's current logical thread ({@link ThreadRegistry#find}: the
 * thread itself or the innermost task running on it), marks it busy so
 * that hooks fired by JDK code the detector itself uses return at once, and catches every throwable: an
 * internal error prints one warning and detection goes on. Asynchronous and fatal throwables
 * ({@code ThreadDeath}, {@code VirtualMachineError}) are not the detector's to swallow: they propagate into
 * the program, after the busy flag is reset (see {@link Hooks#rethrowIfFatal}). The detector only ever blocks on its own
 * monitors and lock words, each held for a few field updates, never while calling out.
 */
public final class Detector implements HookListener {

    /** Slots are reused once this many exist (see {@link SlotAllocator}). */
    static final int DEFAULT_REUSE_AFTER = 256;
    /** Freed slots that wait before one is reused, so that back-to-back tasks do not share a slot. */
    static final int DEFAULT_QUARANTINE = 64;

    // The synchronization events that share one guarded dispatcher (see event()).
    private static final int LOCK_HELD = 0;
    private static final int LOCK_DROPPED = 1;
    private static final int THREAD_STARTING = 2;
    private static final int THREAD_TERMINATED = 3;
    private static final int CLASS_INITIALIZED = 4;
    private static final int CLASS_USED = 5;
    private static final int EXECUTOR_CREATED = 6;
    private static final int CALL_VIEW = 7;
    private static final int CLONED = 8;
    private static final int THREAD_LOCAL_USED = 9;

    private static Detector jvmWide;

    private final AgentOptions options;
    private final RaceAnalysis analysis;
    private final ThreadRegistry registry;
    /** Whether this is the JVM-wide detector, the only one that may cache thread states in {@link Hooks}. */
    private final boolean global;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final PrintStream err;

    Detector(AgentOptions options, Metadata metadata, PrintStream err, boolean global, int reuseAfter) {
        this(options, metadata, err, global, reuseAfter, 0);
    }

    Detector(AgentOptions options, Metadata metadata, PrintStream err, boolean global, int reuseAfter,
            int quarantine) {
        this.options = options;
        this.err = err;
        this.global = global;
        this.analysis = new RaceAnalysis(options, metadata, err, global, reuseAfter, quarantine);
        this.registry = analysis.registry();
    }

    /**
     * @return whether shadow words can be used in this JVM: the detector reaches them through
     *     {@code jdk.internal.misc.Unsafe}, which the agent exports to itself at start-up
     */
    public static boolean wordsSupported() {
        return WordShadow.supported();
    }

    /**
     * Creates the JVM-wide detector and registers the shutdown hook that writes the reports (it also runs on
     * {@code System.exit} and after an uncaught exception ends {@code main}). Calling it again returns the
     * same detector.
     *
     * @param options parsed agent options
     * @return the listener to pass to {@code Hooks.install}
     */
    public static synchronized Detector start(AgentOptions options) {
        if (jvmWide != null) {
            return jvmWide;
        }
        Detector d = new Detector(options, Metadata.global(), System.err, true, DEFAULT_REUSE_AFTER,
                DEFAULT_QUARANTINE);
        Thread hook = new Thread(d::shutdown, "guarded-report");
        d.stateOf(hook).busy = true;
        Runtime.getRuntime().addShutdownHook(hook);
        jvmWide = d;
        return d;
    }

    /** @return the options this detector runs with */
    public AgentOptions options() {
        return options;
    }

    /**
     * Writes the report files and prints the summary (once), as the shutdown hook does.
     *
     * @return the races found so far
     */
    public Report finish() {
        return analysis.reporter().finish();
    }

    private void shutdown() {
        ThreadState s = stateOf(Thread.currentThread());
        s.busy = true;
        Report report = analysis.reporter().finish();
        if (options.exitCode() >= 0 && report.raceCount() > 0) {
            Runtime.getRuntime().halt(options.exitCode());
        }
    }

    // ---- hook entry points: guard, delegate, never throw ----
    // The per-access entry points (fields, words, elements, JDK calls) each spell out the guard: they are the
    // hot path, and a shared wrapper taking a lambda would allocate (capturing arguments) or turn megamorphic.
    // The synchronization events share one guarded dispatcher on an event number.

    @Override
    public void read(Object owner, int fieldId, int siteId) {
        field(owner, fieldId, siteId, false);
    }

    @Override
    public void write(Object owner, int fieldId, int siteId) {
        field(owner, fieldId, siteId, true);
    }

    private void field(Object owner, int fieldId, int siteId, boolean isWrite) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.fieldAccess(t, owner, fieldId, site(t, siteId), isWrite);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.coveredRead = false;
                t.busy = false;
            }
        }
    }

    /** @return the site id without {@link Hooks#COVERS_READ}, which goes to {@link ThreadState#coveredRead} */
    private static int site(ThreadState t, int siteId) {
        if ((siteId & Hooks.COVERS_READ) != 0) {
            t.coveredRead = true;
            return siteId & ~Hooks.COVERS_READ;
        }
        return siteId;
    }

    @Override
    public ThreadContext context() {
        ThreadState s = currentState();
        return s != null ? s : HookListener.super.context();
    }

    @Override
    public void wordRead(Object owner, ThreadContext context, int fieldId, int siteId) {
        word(owner, context, fieldId, siteId, false);
    }

    @Override
    public void wordWrite(Object owner, ThreadContext context, int fieldId, int siteId) {
        word(owner, context, fieldId, siteId, true);
    }

    private void word(Object owner, ThreadContext context, int fieldId, int siteId, boolean isWrite) {
        ThreadState t = enter(context);
        if (t != null) {
            try {
                analysis.wordAccess(t, owner, fieldId, site(t, siteId), isWrite);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.coveredRead = false;
                t.busy = false;
            }
        }
    }

    @Override
    public void elementRead(Object array, int index, ThreadContext context, int siteId) {
        element(array, index, context, siteId, false);
    }

    @Override
    public void elementWrite(Object array, int index, ThreadContext context, int siteId) {
        element(array, index, context, siteId, true);
    }

    @Override
    public void arrayRead(Object array, int index, int siteId) {
        element(array, index, null, siteId, false);
    }

    @Override
    public void arrayWrite(Object array, int index, int siteId) {
        element(array, index, null, siteId, true);
    }

    private void element(Object array, int index, ThreadContext context, int siteId, boolean isWrite) {
        ThreadState t = enter(context);
        if (t != null) {
            try {
                analysis.elementAccess(t, array, index, site(t, siteId), isWrite);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.coveredRead = false;
                t.busy = false;
            }
        }
    }

    @Override
    public void callRead(Object receiver, int siteId) {
        call(receiver, siteId, false);
    }

    @Override
    public void callWrite(Object receiver, int siteId) {
        call(receiver, siteId, true);
    }

    private void call(Object receiver, int siteId, boolean isWrite) {
        // Most calls the instrumenter cannot rule out statically (List.add on a CopyOnWriteArrayList) are
        // dismissed by the receiver's class alone, before the thread's state is looked up.
        ThreadState t = JdkObjectAccess.covers(receiver) ? enter(null) : null;
        if (t != null) {
            try {
                analysis.jdkObjects().access(analysis, analysis.shadow(), t, receiver, isWrite, siteId);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void cloned(Object copy, int siteId) {
        event(CLONED, copy, null, siteId);
    }

    // The frequent synchronization events (volatile accesses, acquires and releases, and locks, which run inside
    // the program's critical section) skip the shared dispatcher: compiled alone, each stays small enough for the
    // JIT to inline its whole steady-state path. Inside the dispatcher they competed for the inlining budget with
    // every other event, and were compiled well or badly depending on which events came first (one thread's
    // ReentrantLock lock/unlock pair, 14.6 ns plain: 61 ns in some JVMs, 72-75 ns in others; alone, 40-41 ns).

    @Override
    public void volatileRead(Object owner, int fieldId) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.volatileRead(t, owner, fieldId);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void volatileWrite(Object owner, int fieldId) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.volatileWrite(t, owner, fieldId);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }


    @Override
    public void lockAcquired(Object lock, int siteId) {
        lockAcquiredEvent(lock, false);
    }

    @Override
    public void lockReleasing(Object lock, int siteId) {
        lockReleasingEvent(lock, false);
    }

    @Override
    public void exclusiveLockAcquired(Object lock, int siteId) {
        lockAcquiredEvent(lock, true);
    }

    @Override
    public void exclusiveLockReleasing(Object lock, int siteId) {
        lockReleasingEvent(lock, true);
    }

    private void lockAcquiredEvent(Object lock, boolean exclusive) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.lockAcquired(t, lock, exclusive);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    private void lockReleasingEvent(Object lock, boolean exclusive) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.lockReleasing(t, lock, exclusive);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void lockHeld(Object lock, int siteId) {
        event(LOCK_HELD, lock, null, siteId);
    }

    @Override
    public void lockDropped(Object lock, int siteId) {
        event(LOCK_DROPPED, lock, null, siteId);
    }

    @Override
    public void acquire(Object key, int channel) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.acquire(t, key, channel & 0xffffffffL);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void release(Object key, int channel) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                analysis.release(t, key, channel & 0xffffffffL);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void threadStarting(Thread thread) {
        event(THREAD_STARTING, thread, null, 0);
    }

    @Override
    public void threadTerminated(Thread thread) {
        event(THREAD_TERMINATED, thread, null, 0);
    }

    /**
     * Drops the exiting thread's caches now rather than when its {@code Thread} is collected: the state stays
     * (joiners need its final clock) until then, and a young collection that finds the thread dead copies
     * whatever the state still references; with many short virtual threads that was most of what the detector
     * kept per thread.
     */
    @Override
    public void threadExiting() {
        Thread current = Thread.currentThread();
        ThreadState own = registry.own(current);
        if (own != null && !own.busy && own.current == own) {
            own.releaseCaches();
        }
    }

    @Override
    public void classInitialized(Class<?> type) {
        event(CLASS_INITIALIZED, type, null, 0);
    }

    @Override
    public void classUsed(Class<?> type) {
        event(CLASS_USED, type, null, 0);
    }

    @Override
    public void executorCreated(Object executor) {
        event(EXECUTOR_CREATED, executor, null, 0);
    }

    @Override
    public void threadLocalUsed(Object threadLocal) {
        event(THREAD_LOCAL_USED, threadLocal, null, 0);
    }

    @Override
    public void callView(Object view, Object receiver) {
        event(CALL_VIEW, view, receiver, 0);
    }

    /** One synchronization event on the calling thread's logical thread, guarded like every hook. */
    private void event(int kind, Object target, Object other, long arg) {
        ThreadState t = enter(null);
        if (t != null) {
            try {
                switch (kind) {
                    case LOCK_HELD -> analysis.lockHeld(t, target);
                    case LOCK_DROPPED -> analysis.lockDropped(t, target);
                    case THREAD_STARTING -> analysis.threadStarting(t, (Thread) target);
                    case THREAD_TERMINATED -> analysis.threadTerminated(t, (Thread) target,
                            ((Thread) target).getState() == Thread.State.TERMINATED);
                    case CLASS_INITIALIZED -> analysis.classInitialized(t, (Class<?>) target);
                    case CLASS_USED -> analysis.classUsed(t, (Class<?>) target);
                    case EXECUTOR_CREATED -> analysis.executorCreated(t, target);
                    case CALL_VIEW -> analysis.jdkObjects().viewCreated(target, other);
                    case CLONED -> analysis.cloned(t, target, (int) arg);
                    case THREAD_LOCAL_USED -> analysis.threadLocalUsed(t, target);
                    default -> throw new IllegalArgumentException("event " + kind);
                }
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void ignoreBegin() {
        ThreadState s = currentState();
        if (s != null) {
            s.ignoring++;
        }
    }

    // Task switches run whatever the ignore depth: a task begun inside a region the model ignores (a
    // caller-runs rejection inside execute) is program code, and its end must find it. Only busy (the detector
    // itself) and carrier threads (their tasks are the virtual-thread scheduler's) skip them.

    @Override
    public void taskBegin(Object task, Object executor, boolean inheritCaller) {
        ThreadState t = currentState();
        if (t == null || t.busy || t.base.carrier || task == null) {
            return;
        }
        t.busy = true;
        ThreadState began = null;
        try {
            began = analysis.taskBegin(t, task, executor, inheritCaller);
        } catch (Throwable e) {
            internalError(e);
        } finally {
            t.busy = false;
            if (began != null) {
                began.busy = false;
            }
        }
    }

    @Override
    public void taskEnd(Object task) {
        ThreadState t = currentState();
        if (t == null || t.busy || task == null) {
            return;
        }
        t.busy = true;
        try {
            analysis.taskEnd(t, task);
        } catch (Throwable e) {
            internalError(e);
        } finally {
            t.busy = false;
        }
    }

    @Override
    public void ignoreEnd() {
        ThreadState s = registry.find(Thread.currentThread());
        if (s != null && s.ignoring > 0) {
            s.ignoring--;
        }
    }

    /** @return the analysis behind this facade (unit tests drive it directly) */
    RaceAnalysis analysis() {
        return analysis;
    }

    ThreadState stateOf(Thread thread) {
        return registry.stateOf(thread);
    }

    /** @return thread states currently tracked (diagnostics) */
    int trackedThreads() {
        return registry.size();
    }

    // ---- plumbing ----

    /**
     * @param context the context an instrumented method fetched at its entry, or null
     * @return the calling thread's state marked busy, or null when hooks must be ignored right now
     */
    private ThreadState enter(ThreadContext context) {
        return busy(context instanceof ThreadState s && registry.owns(s) ? s : currentState());
    }

    private static ThreadState busy(ThreadState s) {
        if (s == null || s.busy || s.ignoring != 0) {
            return null;
        }
        s.busy = true;
        return s;
    }

    /**
     * @return the calling thread's state, created on its first event; null after an internal error. The
     *     JVM-wide detector finds it in the hooks' thread-local cache, and fills that cache on a miss.
     */
    private ThreadState currentState() {
        if (global && Hooks.cachedContext() instanceof ThreadState cached && registry.owns(cached)) {
            return cached;
        }
        Thread current = Thread.currentThread();
        ThreadState s = registry.find(current);
        if (s == null) {
            try {
                s = stateOf(current);
            } catch (Throwable e) {
                internalError(e);
                return null;
            }
        }
        if (global) {
            Hooks.setContext(s);
        }
        return s;
    }
    private void internalError(Throwable e) {
        Hooks.rethrowIfFatal(e);
        if (warned.compareAndSet(false, true)) {
            err.println("guarded: internal error in the race detector; detection continues but may miss races: " + e);
            if (options.verbose()) {
                e.printStackTrace(err);
            }
        }
    }
}
