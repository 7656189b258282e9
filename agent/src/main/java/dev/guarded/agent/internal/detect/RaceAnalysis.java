package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.options.AgentOptions;
import dev.guarded.options.DetectionMode;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The analysis: FastTrack happens-before over shadow words and side tables, Eraser locksets outside
 * {@code hb} mode, the synchronization model's acquire/release on sync nodes, and the logical-thread switches
 * of tasks. Every method runs on the explicit state of the logical thread it charges, already marked busy by
 * {@link Detector} (the guard facade the hooks call); unit tests drive these methods directly.
 */
final class RaceAnalysis {

    /**
     * The channel, on an executor that runs its tasks one at a time in submission order, from the end of
     * each task to the start of the next (above the hook channels 0-3 of {@code Bridges}).
     */
    static final long SEQUENCE_CHANNEL = 4;

    private final DetectionMode mode;
    private final boolean locksets;
    private final Reporter reporter;
    private final ThreadRegistry registry;
    private final WeakIdentityTable<SyncNode> syncs = new WeakIdentityTable<>(null);
    /** Executors whose factory promises sequential execution, see {@link #executorCreated}. */
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
    /** Async flows and their stale writes; inactive (one field test per slow-path access) until a task hands off. */
    private final Flows flows;
    private final AtomicInteger lockIds = new AtomicInteger();
    private volatile SyncState[] staticVolatiles = new SyncState[64];
    private final ClassValue<SyncState> classInit = new ClassValue<>() {
        @Override
        protected SyncState computeValue(Class<?> type) {
            return new SyncState();
        }
    };

    RaceAnalysis(AgentOptions options, Metadata metadata, PrintStream err, boolean global, int reuseAfter,
            int quarantine) {
        this.mode = options.mode();
        this.locksets = mode != DetectionMode.HB;
        this.reporter = new Reporter(options, metadata, err, global);
        this.registry = new ThreadRegistry(reuseAfter, quarantine, options.stacks());
        this.metadata = metadata;
        this.words = new WordShadow(metadata, registry);
        this.global = global;
        this.flows = new Flows(options.stacks());
    }

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
        if (flows.active && t.below != null) {   // the one added branch: false until a task handed a flow on
            staleWrite(t, owner, fieldId, isWrite, site, held, fieldId, null);
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
        if (flows.active && t.below != null) {
            staleWrite(t, array, index, isWrite, site, held, -1, array.getClass());
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
        if (flows.active && t.below != null) {
            staleWrite(t, v, 0, isWrite, site, held, fieldId, arrayType);
        }
    }

    /** Logs a task's access for {@link Flows} and reports a write-back of a value its flow read before suspending. */
    private void staleWrite(ThreadState t, Object key, int sub, boolean isWrite, int site, LockRef[] held,
            int fieldId, Class<?> arrayType) {
        Flows.StaleWrite stale = flows.access(t, key, sub, isWrite, site, held);
        if (stale != null) {
            refreshName(t);
            reporter.reportStale(stale, site, t, held, fieldId, arrayType);
        }
    }

    void acquire(ThreadState t, Object key, long channel) {
        SyncNode node = syncs.get(key);
        SyncState s = node == null ? null : channel == 0 ? node.main : node.channel(channel, false);
        if (s != null) {
            s.acquire(t);
        }
        if (node != null && node.handoff != null && t.flowSegment == null && t.below != null) {
            flows.offered(t, node.handoff);   // a task not yet settled in a flow may continue this one
        }
    }

    void release(ThreadState t, Object key, long channel) {
        SyncNode node = syncs.getOrCreate(key, k -> new SyncNode());
        if (channel == 0 && Flows.isHandoff(t, key)) {
            node.handoff = flows.handOff(t);   // before the release, so that its acquirer sees it
        }
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

    /** A volatile read (or an acquiring atomic) of a field, {@code owner} null for a static one. */
    void volatileRead(ThreadState t, Object owner, int fieldId) {
        SyncState s = volatileSync(owner, fieldId, false);
        if (s != null) {
            s.acquire(t);
        }
    }

    /** A volatile write (or a releasing atomic) of a field, {@code owner} null for a static one. */
    void volatileWrite(ThreadState t, Object owner, int fieldId) {
        volatileSync(owner, fieldId, true).release(t);
    }

    /** {@code Object.clone} returned {@code copy}: its words are reset to a fresh write by this thread. */
    void cloned(ThreadState t, Object copy, int site) {
        if (copy != null && !locksets) {
            t.beforeAccess();
            t.info.noteLocks(t.epoch, t.held.snapshot());
            words.cloned(t, copy, site);
        }
    }

    /** An executor is being constructed; remembers it when its factory promises sequential execution. */
    void executorCreated(Object executor) {
        if (executor != null && createdBySingleThreadFactory()) {
            sequentialExecutors.putIfAbsent(executor, Boolean.TRUE);
        }
    }

    ThreadRegistry registry() {
        return registry;
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
}
