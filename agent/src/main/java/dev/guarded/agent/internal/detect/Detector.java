package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
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
 * <p>Every hook finds the state of the calling thread's current logical thread ({@link ThreadRegistry#find}: the
 * thread itself or the innermost task running on it), marks it busy so
 * that hooks fired by JDK code the detector itself uses return at once, and catches every throwable: an
 * internal error prints one warning and detection goes on. Asynchronous and fatal throwables
 * ({@code ThreadDeath}, {@code VirtualMachineError}) are not the detector's to swallow: they propagate into
 * the program, after the busy flag is reset (see {@link Hooks#rethrowIfFatal}). The detector only ever blocks on its own
 * monitors, each held for a few field updates, never while calling out.
 */
public final class Detector implements HookListener {

    /** Slots are reused once this many exist (see {@link SlotAllocator}). */
    static final int DEFAULT_REUSE_AFTER = 256;
    /** Freed slots that wait before one is reused, so that back-to-back tasks do not share a slot. */
    static final int DEFAULT_QUARANTINE = 64;
    /**
     * The channel, on an executor that runs its tasks one at a time in submission order, from the end of
     * each task to the start of the next (above the hook channels 0-3 of {@code Bridges}).
     */
    static final long SEQUENCE_CHANNEL = 4;

    private static Detector jvmWide;

    private final AgentOptions options;
    private final DetectionMode mode;
    private final boolean locksets;
    private final Reporter reporter;
    private final ThreadRegistry registry;
    private final WeakIdentityTable<SyncNode> syncs = new WeakIdentityTable<>(null);
    /** Executors whose factory promises sequential execution, see {@link #executorCreated(Object)}. */
    private final WeakIdentityTable<Boolean> sequentialExecutors = new WeakIdentityTable<>(null);
    private final ShadowMemory shadow = new ShadowMemory();
    private final Metadata metadata;
    private final WordShadow words;
    /** Whether this is the JVM-wide detector, the only one that may cache thread states in {@link Hooks}. */
    private final boolean global;
    /**
     * Per field (by id modulo the length), the site pair last reported on a shadow-word location: racy on
     * purpose, it only spares the reporter repeats of a race a hot loop hits again and again.
     */
    private final long[] reportedPairs = new long[1024];
    private final JdkObjectAccess jdkObjects = new JdkObjectAccess();
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
        this(options, metadata, err, global, reuseAfter, 0);
    }

    Detector(AgentOptions options, Metadata metadata, PrintStream err, boolean global, int reuseAfter,
            int quarantine) {
        this.options = options;
        this.mode = options.mode();
        this.locksets = mode != DetectionMode.HB;
        this.err = err;
        this.reporter = new Reporter(options, metadata, err, global);
        this.registry = new ThreadRegistry(reuseAfter, quarantine, options.stacks());
        this.metadata = metadata;
        this.words = new WordShadow(metadata, registry);
        this.global = global;
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
                fieldAccess(t, owner, fieldId, siteId, false);
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
                fieldAccess(t, owner, fieldId, siteId, true);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public ThreadContext context() {
        ThreadState s = currentState();
        return s != null ? s : HookListener.super.context();
    }

    @Override
    public void wordRead(Object owner, ThreadContext context, int fieldId, int siteId) {
        ThreadState t = enter(context);
        if (t != null) {
            try {
                wordAccess(t, owner, fieldId, siteId, false);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void wordWrite(Object owner, ThreadContext context, int fieldId, int siteId) {
        ThreadState t = enter(context);
        if (t != null) {
            try {
                wordAccess(t, owner, fieldId, siteId, true);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void elementRead(Object array, int index, ThreadContext context, int siteId) {
        ThreadState t = enter(context);
        if (t != null) {
            try {
                elementAccess(t, array, index, siteId, false);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void elementWrite(Object array, int index, ThreadContext context, int siteId) {
        ThreadState t = enter(context);
        if (t != null) {
            try {
                elementAccess(t, array, index, siteId, true);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void cloned(Object copy, int siteId) {
        ThreadState t = enter();
        if (t != null) {
            try {
                if (copy != null && !locksets) {
                    t.beforeAccess();
                    t.info.noteLocks(t.epoch, t.held.snapshot());
                    words.cloned(t, copy, siteId);
                }
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
                elementAccess(t, array, index, siteId, false);
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
                elementAccess(t, array, index, siteId, true);
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
            began = taskBegin(t, task, executor, inheritCaller);
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
            taskEnd(t, task);
        } catch (Throwable e) {
            internalError(e);
        } finally {
            t.busy = false;
        }
    }

    @Override
    public void executorCreated(Object executor) {
        ThreadState t = enter();
        if (t != null) {
            try {
                if (executor != null && createdBySingleThreadFactory()) {
                    sequentialExecutors.putIfAbsent(executor, Boolean.TRUE);
                }
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void ignoreEnd() {
        ThreadState s = registry.find(Thread.currentThread());
        if (s != null && s.ignoring > 0) {
            s.ignoring--;
        }
    }

    @Override
    public void callRead(Object receiver, int siteId) {
        // Most calls the instrumenter cannot rule out statically (List.add on a CopyOnWriteArrayList) are
        // dismissed by the receiver's class alone, before the thread's state is looked up.
        ThreadState t = JdkObjectAccess.covers(receiver) ? enter() : null;
        if (t != null) {
            try {
                jdkObjects.access(this, shadow, t, receiver, false, siteId);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void callWrite(Object receiver, int siteId) {
        // Most calls the instrumenter cannot rule out statically (List.add on a CopyOnWriteArrayList) are
        // dismissed by the receiver's class alone, before the thread's state is looked up.
        ThreadState t = JdkObjectAccess.covers(receiver) ? enter() : null;
        if (t != null) {
            try {
                jdkObjects.access(this, shadow, t, receiver, true, siteId);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    @Override
    public void callView(Object view, Object receiver) {
        ThreadState t = enter();
        if (t != null) {
            try {
                jdkObjects.viewCreated(view, receiver);
            } catch (Throwable e) {
                internalError(e);
            } finally {
                t.busy = false;
            }
        }
    }

    // ---- the analysis, on an explicit thread state (unit tests drive these directly) ----

    /** A plain field access reported through the table hooks: words when the field has them, else tables. */
    void fieldAccess(ThreadState t, Object owner, int fieldId, int site, boolean isWrite) {
        if (owner == null) {
            access(t, shadow.staticField(fieldId), isWrite, site, fieldId, null);
        } else if (metadata.hasWords(fieldId)) {
            wordAccess(t, owner, fieldId, site, isWrite);
        } else {
            access(t, shadow.field(owner, fieldId), isWrite, site, fieldId, null);
        }
    }

    /** FastTrack on a field's shadow words (falls back to the side tables when the object has none). */
    void wordAccess(ThreadState t, Object owner, int fieldId, int site, boolean isWrite) {
        WordShadow.Layout layout = locksets ? null : words.layout(owner, fieldId);
        if (layout == null) {
            access(t, shadow.field(owner, fieldId), isWrite, site, fieldId, null);
            return;
        }
        t.beforeAccess();
        LockRef[] held = t.held.snapshot();
        t.info.noteLocks(t.epoch, held);
        Conflict c = isWrite ? words.write(t, owner, layout, fieldId, site) : words.read(t, owner, layout, fieldId, site);
        if (c != null && firstReport(fieldId, site, c.site())) {
            refreshName(t);
            reporter.report(c, isWrite, site, t, held, fieldId, null);
        }
    }

    /**
     * An array element access. An index outside the array is no access (the instruction throws right after);
     * the side tables serve the lockset modes, shadow-word pages the default mode, with the thread's last
     * page kept in its context for the inline check.
     */
    void elementAccess(ThreadState t, Object array, int index, int site, boolean isWrite) {
        if (array == null || index < 0 || index >= java.lang.reflect.Array.getLength(array)) {
            return;
        }
        if (locksets) {
            access(t, shadow.element(array, index), isWrite, site, -1, array.getClass());
            return;
        }
        ArrayWords aw = t.lastWordsArray == array ? t.lastArrayWords : shadow.arrayWords(array);
        t.lastWordsArray = array;
        t.lastArrayWords = aw;
        long[] page = aw.page(index);
        t.beforeAccess();
        LockRef[] held = t.held.snapshot();
        t.info.noteLocks(t.epoch, held);
        Conflict c = isWrite ? words.write(t, aw, page, index, site) : words.read(t, aw, page, index, site);
        t.remember(array, index >>> ThreadContext.PAGE_BITS, page);
        if (c != null && firstReport(-1 - site, site, c.site())) {
            refreshName(t);
            reporter.report(c, isWrite, site, t, held, -1, array.getClass());
        }
    }

    private boolean firstReport(int fieldId, int site, int otherSite) {
        long key = pairKey(site, otherSite) * 31 + fieldId;
        int slot = Math.abs(fieldId % reportedPairs.length);
        if (reportedPairs[slot] == key) {
            return false;
        }
        reportedPairs[slot] = key;
        return true;
    }

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
        t.heldChanged();
    }

    void lockReleasing(ThreadState t, Object lock) {
        SyncNode node = syncs.getOrCreate(lock, k -> new SyncNode());
        t.held.remove(node.lockRef(lock, lockIds));
        t.heldChanged();
        node.main.release(t);
    }

    /** A shared hold (a read lock): in the lockset, but no clock moves, so readers stay unordered. */
    void lockHeld(ThreadState t, Object lock) {
        t.held.add(syncs.getOrCreate(lock, k -> new SyncNode()).lockRef(lock, lockIds));
        t.heldChanged();
    }

    void lockDropped(ThreadState t, Object lock) {
        t.held.remove(syncs.getOrCreate(lock, k -> new SyncNode()).lockRef(lock, lockIds));
        t.heldChanged();
    }

    /**
     * Makes {@code task} the current logical thread of the calling thread ({@code t} is its current one):
     * it acquires what the submission released into the task (and, for a sequential executor, the end of the
     * previous task). The new state is returned busy, like {@code t}.
     *
     * @return the new task's state, or null when {@code t} already runs this task
     */
    ThreadState taskBegin(ThreadState t, Object task, Object executor, boolean inheritCaller) {
        ThreadState began = registry.taskBegin(t, task, inheritCaller);
        if (began == null) {
            return null;
        }
        if (global) {
            Hooks.setContext(began);   // the thread-local cache follows every switch of the logical thread
        }
        began.busy = true;
        began.taskExecutor = executor;
        acquire(began, task, 0);
        if (executor != null && sequentialExecutors.get(executor) != null) {
            began.taskSequence = executor;
            acquire(began, executor, SEQUENCE_CHANNEL);
        }
        return began;
    }

    /**
     * Ends the task {@code t} if it is the one named {@code task}: its whole history is released into its
     * executor (which {@code awaitTermination} and {@code close} acquire) and, for a sequential executor,
     * to the next task; the
     * logical thread below it becomes current again (knowing the task's end when it ran the task itself) and
     * the task's slot goes back to the allocator.
     */
    void taskEnd(ThreadState t, Object task) {
        ThreadState ended = registry.taskEnd(t, task);
        if (ended == null) {
            return;
        }
        if (global) {
            Hooks.setContext(ended.below);
        }
        // No release into the task object itself: its joins acquire what the task published while running
        // (FutureTask.set, ForkJoinTask.setDone, a stage completing its future), and a Runnable submitted twice
        // must not order its second run after its first.
        if (ended.taskExecutor != null) {
            release(ended, ended.taskExecutor, 0);
        }
        if (ended.taskSequence != null) {
            release(ended, ended.taskSequence, SEQUENCE_CHANNEL);
        }
        if (ended.taskInherited) {
            ended.below.join(ended.clock);
        }
        registry.retire(ended);
    }

    /**
     * Whether the executor under construction is built by {@code Executors.newSingleThreadExecutor} or
     * {@code newSingleThreadScheduledExecutor}, whose javadoc promises that tasks execute sequentially. The
     * executor itself is an ordinary pool of one thread; only its factory makes the promise (a
     * {@code newFixedThreadPool(1)} makes none), so the factory is looked for among the constructor's callers.
     * Runs once per executor created, never per task.
     */
    private static boolean createdBySingleThreadFactory() {
        return StackWalker.getInstance().walk(frames -> frames.limit(12).anyMatch(f ->
                f.getClassName().equals("java.util.concurrent.Executors")
                        && f.getMethodName().startsWith("newSingleThread")));
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

    JdkObjectAccess jdkObjects() {
        return jdkObjects;
    }

    // ---- plumbing ----

    /** @return the calling thread's state marked busy, or null when hooks must be ignored right now */
    private ThreadState enter() {
        return busy(currentState());
    }

    /** Like {@link #enter()}, with the context an instrumented method fetched at its entry. */
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
        if (registry.own(current) == t) {
            t.info.rename(ThreadInfo.nameOf(current));
        }
    }

    private static long pairKey(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) (lo + 1) << 32) | (hi + 1L);
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
