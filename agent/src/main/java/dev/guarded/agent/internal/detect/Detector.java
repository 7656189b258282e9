package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.options.AgentOptions;
import dev.guarded.options.DetectionMode;
import dev.guarded.report.Report;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The race detector: FastTrack happens-before analysis plus Eraser locksets over the events instrumented code
 * reports through {@link dev.guarded.agent.hook.Hooks}.
 *
 * <p>Every hook finds the calling thread's {@link ThreadState} (a weak Thread-keyed table), marks it busy so
 * that hooks fired by JDK code the detector itself uses return at once, and catches every throwable: an
 * internal error prints one warning and detection goes on. The detector only ever blocks on its own
 * monitors, each held for a few field updates, never while calling out.
 */
public final class Detector implements HookListener {

    /** Slots are reused once this many exist (see {@link SlotAllocator}). */
    static final int DEFAULT_REUSE_AFTER = 256;

    private static Detector jvmWide;

    private final AgentOptions options;
    private final DetectionMode mode;
    private final boolean locksets;
    private final Reporter reporter;
    private final ThreadRegistry registry;
    private final WeakIdentityTable<SyncNode> syncs = new WeakIdentityTable<>(null);
    private final ShadowMemory shadow = new ShadowMemory();
    private final AtomicInteger lockIds = new AtomicInteger();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final PrintStream err;
    private volatile SyncState[] staticVolatiles = new SyncState[64];
    private final ClassValue<SyncState> classInit = new ClassValue<>() {
        @Override
        protected SyncState computeValue(Class<?> type) {
            return new SyncState();
        }
    };

    Detector(AgentOptions options, Metadata metadata, PrintStream err, boolean global, int reuseAfter) {
        this.options = options;
        this.mode = options.mode();
        this.locksets = mode != DetectionMode.HB;
        this.err = err;
        this.reporter = new Reporter(options, metadata, err, global);
        this.registry = new ThreadRegistry(reuseAfter, options.stacks());
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
        Detector d = new Detector(options, Metadata.global(), System.err, true, DEFAULT_REUSE_AFTER);
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
        return reporter.finish();
    }

    private void shutdown() {
        ThreadState s = stateOf(Thread.currentThread());
        s.busy = true;
        Report report = reporter.finish();
        if (options.exitCode() >= 0 && report.raceCount() > 0) {
            Runtime.getRuntime().halt(options.exitCode());
        }
    }

    // ---- hook entry points: guard, delegate, never throw ----
    // Each entry point spells out the same enter/try/catch/finally on purpose: it is the per-access path,
    // and a shared wrapper taking a lambda would allocate (capturing arguments) or turn megamorphic.

    @Override
    public void read(Object owner, int fieldId, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                access(t, owner == null ? shadow.staticField(fieldId) : shadow.field(owner, fieldId), false, siteId,
                        fieldId, null);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void write(Object owner, int fieldId, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                access(t, owner == null ? shadow.staticField(fieldId) : shadow.field(owner, fieldId), true, siteId,
                        fieldId, null);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void arrayRead(Object array, int index, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                access(t, shadow.element(array, index), false, siteId, -1, array.getClass());
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void arrayWrite(Object array, int index, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                access(t, shadow.element(array, index), true, siteId, -1, array.getClass());
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void volatileRead(Object owner, int fieldId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                SyncState s = volatileSync(owner, fieldId, false);
                if (s != null) {
                    s.acquire(t);
                }
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void volatileWrite(Object owner, int fieldId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                volatileSync(owner, fieldId, true).release(t);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void lockAcquired(Object lock, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                lockAcquired(t, lock);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void lockReleasing(Object lock, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                lockReleasing(t, lock);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void lockHeld(Object lock, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                lockHeld(t, lock);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void lockDropped(Object lock, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                lockDropped(t, lock);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void acquire(Object key, int channel) {
        ThreadState t = enter();
        if (t != null) {
            try {
                acquire(t, key, channel & 0xffffffffL);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void release(Object key, int channel) {
        ThreadState t = enter();
        if (t != null) {
            try {
                release(t, key, channel & 0xffffffffL);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void threadStarting(Thread thread) {
        ThreadState t = enter();
        if (t != null) {
            try {
                threadStarting(t, thread);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void threadTerminated(Thread thread) {
        ThreadState t = enter();
        if (t != null) {
            try {
                threadTerminated(t, thread, thread.getState() == Thread.State.TERMINATED);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void classInitialized(Class<?> type) {
        ThreadState t = enter();
        if (t != null) {
            try {
                classInit.get(type).release(t);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void classUsed(Class<?> type) {
        ThreadState t = enter();
        if (t != null) {
            try {
                classInit.get(type).acquire(t);
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

    @Override
    public void ignoreEnd() {
        ThreadState s = registry.find(Thread.currentThread());
        if (s != null && s.ignoring > 0) {
            s.ignoring--;
        }
    }

    // ---- the analysis, on an explicit thread state (unit tests drive these directly) ----

    /** FastTrack (and, outside {@code hb} mode, Eraser) for one access; reports outside the location's monitor. */
    void access(ThreadState t, VarState v, boolean isWrite, int site, int fieldId, Class<?> arrayType) {
        long e = t.accessEpoch;
        if (isWrite) {
            if (v.w == e) {
                return;
            }
        } else if (v.r == e) {
            return;
        } else {
            ReadSet rs = v.shared;
            if (rs != null && rs.epochOf(t.tid) == e) {
                return;
            }
        }
        t.beforeAccess();
        LockRef[] held = t.held.snapshot();
        Conflict hb;
        Conflict unguarded = null;
        synchronized (v) {
            hb = isWrite ? v.write(t, site, held) : v.read(t, site, held);
            if (hb != null) {
                long pair = pairKey(site, hb.site());
                if (mode == DetectionMode.LOCKSET || v.lastReportedPair == pair) {
                    hb = null;
                } else {
                    v.lastReportedPair = pair;
                }
            }
            if (locksets) {
                v.lockset(t, isWrite, held);
                boolean due = mode == DetectionMode.LOCKSET
                        || (isWrite && v.manyWriters() && !v.hbRaced);
                if (due && !v.unguardedReported() && v.locksetViolated()) {
                    unguarded = v.otherAccess(t.info, mode == DetectionMode.HYBRID);
                    if (unguarded != null) {
                        v.markUnguardedReported();
                    }
                }
            }
        }
        if (hb != null || unguarded != null) {
            refreshName(t);
        }
        if (hb != null) {
            reporter.report(hb, isWrite, site, t, held, fieldId, arrayType);
        }
        if (unguarded != null) {
            reporter.report(unguarded, isWrite, site, t, held, fieldId, arrayType);
        }
    }

    void acquire(ThreadState t, Object key, long channel) {
        SyncNode node = syncs.get(key);
        SyncState s = node == null ? null : channel == 0 ? node.main : node.channel(channel, false);
        if (s != null) {
            s.acquire(t);
        }
    }

    void release(ThreadState t, Object key, long channel) {
        SyncNode node = syncs.getOrCreate(key, k -> new SyncNode());
        (channel == 0 ? node.main : node.channel(channel, true)).release(t);
    }

    void lockAcquired(ThreadState t, Object lock) {
        SyncNode node = syncs.getOrCreate(lock, k -> new SyncNode());
        node.main.acquire(t);
        t.held.add(node.lockRef(lock, lockIds));
    }

    void lockReleasing(ThreadState t, Object lock) {
        SyncNode node = syncs.getOrCreate(lock, k -> new SyncNode());
        t.held.remove(node.lockRef(lock, lockIds));
        node.main.release(t);
    }

    /** A shared hold (a read lock): in the lockset, but no clock moves, so readers stay unordered. */
    void lockHeld(ThreadState t, Object lock) {
        t.held.add(syncs.getOrCreate(lock, k -> new SyncNode()).lockRef(lock, lockIds));
    }

    void lockDropped(ThreadState t, Object lock) {
        t.held.remove(syncs.getOrCreate(lock, k -> new SyncNode()).lockRef(lock, lockIds));
    }

    ThreadState threadStarting(ThreadState parent, Thread child) {
        shadow.expunge();
        return registry.starting(parent, child);
    }

    void threadTerminated(ThreadState observer, Thread thread, boolean terminated) {
        registry.terminated(observer, thread, terminated);
    }

    void classInitialized(ThreadState t, Class<?> type) {
        classInit.get(type).release(t);
    }

    void classUsed(ThreadState t, Class<?> type) {
        classInit.get(type).acquire(t);
    }

    ThreadState stateOf(Thread thread) {
        return registry.stateOf(thread);
    }

    /** @return thread states currently tracked (diagnostics) */
    int trackedThreads() {
        return registry.size();
    }

    Reporter reporter() {
        return reporter;
    }

    SlotAllocator slots() {
        return registry.slots();
    }

    ShadowMemory shadow() {
        return shadow;
    }

    // ---- plumbing ----

    /** @return the calling thread's state marked busy, or null when hooks must be ignored right now */
    private ThreadState enter() {
        ThreadState s = currentState();
        if (s == null || s.busy || s.ignoring != 0) {
            return null;
        }
        s.busy = true;
        return s;
    }

    /** @return the calling thread's state, created on its first event; null after an internal error */
    private ThreadState currentState() {
        Thread current = Thread.currentThread();
        ThreadState s = registry.find(current);
        if (s == null) {
            try {
                s = stateOf(current);
            } catch (Throwable e) {
                internalError(e);
            }
        }
        return s;
    }

    private SyncState volatileSync(Object owner, int fieldId, boolean create) {
        if (owner != null) {
            // One channel per object for all its volatile fields, the one VarHandles and field updaters use:
            // a handle does not say which field it stands for, and it may be declared in any class.
            SyncNode node = create ? syncs.getOrCreate(owner, k -> new SyncNode()) : syncs.get(owner);
            return node == null ? null : node.channel(Bridges.FIELD_ATOMICS, create);
        }
        SyncState[] st = staticVolatiles;
        SyncState s = fieldId < st.length ? st[fieldId] : null;
        return s != null || !create ? s : createStaticVolatile(fieldId);
    }

    private synchronized SyncState createStaticVolatile(int fieldId) {
        SyncState[] st = staticVolatiles;
        if (fieldId >= st.length) {
            st = java.util.Arrays.copyOf(st, Math.max(fieldId + 1, st.length * 2));
        }
        if (st[fieldId] == null) {
            st[fieldId] = new SyncState();
        }
        staticVolatiles = st;
        return st[fieldId];
    }

    /** Threads may be renamed after they start; reports use the current name of the reporting thread. */
    private void refreshName(ThreadState t) {
        Thread current = Thread.currentThread();
        if (registry.find(current) == t) {
            t.info.rename(ThreadInfo.nameOf(current));
        }
    }

    private static long pairKey(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) (lo + 1) << 32) | (hi + 1L);
    }

    private void internalError(Throwable e) {
        if (warned.compareAndSet(false, true)) {
            err.println("guarded: internal error in the race detector; detection continues but may miss races: " + e);
            if (options.verbose()) {
                e.printStackTrace(err);
            }
        }
    }
}
