package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.options.AgentOptions;
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

    private final ModePolicy policy;
    private final boolean locksets;
    private final Reporter reporter;
    private final ThreadRegistry registry;
    private final WeakIdentityTable<SyncNode> syncs = new WeakIdentityTable<>(null);
    /** The nodes of the sync objects many threads share, before the table. */
    private final SharedSyncNodes sharedSyncs = new SharedSyncNodes();
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
        this.policy = new ModePolicy(options.mode());
        this.locksets = policy.locksets();
        this.reporter = new Reporter(options, metadata, err, global);
        this.registry = new ThreadRegistry(reuseAfter, quarantine, options.stacks());
        if (policy.tracksTransfers()) {
            registry.trackTransfers();
        }
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
        LockRef[] held = t.heldLocks();
        t.info.noteLocks(t.epoch, held);
        Conflict c = isWrite ? words.write(t, owner, layout, fieldId, site) : words.read(t, owner, layout, fieldId, site);
        if (c != null && firstReport(fieldId, site, c.site())) {
            refreshName(t);
            reporter.report(c, isWrite, site, t, held, fieldId, null);
        }
        if (flows.active && t.below != null) {   // the one added branch: false until a task handed a flow on
            staleWrite(t, Flows.fieldLocation(owner, layout, fieldId), isWrite, site, held, fieldId, null);
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
        ArrayWords aw = arrayWords(t, array);
        long[] page = aw.page(index);
        t.beforeAccess();
        int pageIndex = index >>> ThreadContext.PAGE_BITS;
        long[] known = null;
        if (page != ArrayWords.SPARSE) {
            known = aw.readBits(pageIndex, t.tid, false);
            if (t.accessEpoch == t.epoch && Hooks.pageCovers(page, known, index, t.epoch, isWrite ? 0 : 1)) {
                // Only the thread's array caches missed (a loop moved to another array or page): the inline
                // check's answer, without the page's monitor, which threads reading the same pages would contend for.
                t.remember(array, pageIndex, page, known);
                return;
            }
        }
        LockRef[] held = t.heldLocks();
        t.info.noteLocks(t.epoch, held);
        Conflict c;
        // A sparse page turns dense at most once, and then has no bitmap yet (known stays null).
        while ((c = page == ArrayWords.SPARSE ? words.sparse(t, aw, index, site, isWrite)
                : denseElement(t, aw, array, page, known, index, site, isWrite)) == WordShadow.DENSE) {
            page = aw.page(index);
        }
        if (c != null && firstReport(-1 - site, site, c.site())) {
            refreshName(t);
            reporter.report(c, isWrite, site, t, held, -1, array.getClass());
        }
        if (flows.active && t.below != null) {
            staleWrite(t, Flows.elementLocation(aw, array, index), isWrite, site, held, -1, array.getClass());
        }
    }

    /**
     * FastTrack on an element in a dense page, then the element's page remembered in the thread's context for the
     * inline check, with the thread's read bitmap of the page when the element is read-shared.
     */
    private Conflict denseElement(ThreadState t, ArrayWords aw, Object array, long[] page, long[] known, int index,
            int site, boolean isWrite) {
        int pageIndex = index >>> ThreadContext.PAGE_BITS;
        // The generation before the access: a write that forgets this read after it makes the bitmap stale.
        long generation = page[page.length - 1];
        Conflict c = isWrite ? words.write(t, aw, page, index, site) : words.read(t, aw, page, index, site);
        long[] bits;
        if (!isWrite && WordShadow.readShared(page, index)) {
            // Several threads read this element: its read word cannot say that this thread read it in this
            // epoch, so this thread's bitmap of the page does, for the inline check.
            bits = aw.readBits(pageIndex, t.tid, true);
            if (bits != null) {
                markRead(bits, index, t.epoch, generation);
            }
        } else {
            bits = known;   // only this thread creates its bitmaps, so the one looked up before is still current
        }
        t.remember(array, pageIndex, page, bits);
        return c;
    }

    /**
     * Sets the element's bit in a thread's read bitmap, clearing the bitmap first when it holds for another
     * epoch or page generation.
     */
    private static void markRead(long[] bits, int index, long epoch, long generation) {
        if (bits[0] != epoch || bits[1] != generation) {
            java.util.Arrays.fill(bits, 0L);
            bits[0] = epoch;
            bits[1] = generation;
        }
        int slot = index & ((1 << ThreadContext.PAGE_BITS) - 1);
        bits[2 + (slot >>> 6)] |= 1L << slot;
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

    /**
     * FastTrack (and, outside {@code hb} mode, Eraser and the mode's prediction, see {@link ModePolicy}) for one
     * access; reports outside the location's monitor.
     */
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
        LockRef[] held = t.heldLocks();
        Conflict hb;
        Conflict unguarded = null;
        synchronized (v) {
            Conflict predicted = locksets ? policy.beforeAccess(t, v, isWrite, held) : null;
            hb = isWrite ? v.write(t, site, held) : v.read(t, site, held);
            boolean raced = hb != null;
            if (hb != null) {
                long pair = pairKey(site, hb.site());
                if (!policy.reportsHappensBefore() || v.lastReportedPair == pair) {
                    hb = null;
                } else {
                    v.lastReportedPair = pair;
                }
            }
            if (locksets) {
                v.lockset(t, isWrite, held);
                unguarded = policy.unguarded(t, v, predicted, raced);
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
            staleWrite(t, Flows.location(v), isWrite, site, held, fieldId, arrayType);
        }
    }

    /** Logs a task's access for {@link Flows} and reports a write-back of a value its flow read before suspending. */
    private void staleWrite(ThreadState t, Flows.Location location, boolean isWrite, int site, LockRef[] held,
            int fieldId, Class<?> arrayType) {
        if (isWrite && t.coveredRead) {
            // value++ in this segment read the location first: log that read, or the write would look like the
            // write-back of a value this flow read before it last suspended
            flows.access(t, location, false, site, held);
        }
        Flows.StaleWrite stale = flows.access(t, location, isWrite, site, held);
        if (stale != null) {
            refreshName(t);
            reporter.reportStale(stale, site, t, held, fieldId, arrayType);
        }
    }

    /** Ways of a thread's array-shadow cache (a power of two). */
    static final int ARRAY_WAYS = 8;

    /**
     * The shadow of {@code array}, looked up in the thread's small cache first: the slow path sees the same
     * few arrays again in every new epoch (a ring buffer, a sketch table), and a weak-table lookup costs a
     * few cache misses. The cache keeps its arrays alive, so a hit is always current.
     */
    private ArrayWords arrayWords(ThreadState t, Object array) {
        Object[] arrays = t.wordsArrays;
        if (arrays == null) {
            if (++t.arrayLookups < 4) {   // as for sync nodes: no cache for a short task
                return shadow.arrayWords(array);
            }
            arrays = t.wordsArrays = new Object[ARRAY_WAYS];
            t.wordsOf = new ArrayWords[ARRAY_WAYS];
        }
        int way = System.identityHashCode(array) & (ARRAY_WAYS - 1);
        if (arrays[way] == array) {
            return t.wordsOf[way];
        }
        ArrayWords aw = shadow.arrayWords(array);
        arrays[way] = array;
        t.wordsOf[way] = aw;
        return aw;
    }

    /** Ways of a thread's sync-node cache (a power of two). */
    static final int SYNC_WAYS = 4;

    /**
     * The sync node of {@code key}: in the object's own sync slot when its class has one (an instrumented
     * class; see {@link SyncSlots}), else looked up in the thread's small cache first: most synchronization
     * repeats on a few objects (a lock, a queue, an executor), and a weak-table lookup costs a few cache misses;
     * then in the nodes all threads share ({@link SharedSyncNodes}). A node never changes while its key lives,
     * and the thread's cache keeps its keys alive, so a hit is always current.
     *
     * @param create whether to create the node when the key has none (else null is returned)
     */
    SyncNode node(ThreadState t, Object key, boolean create) {
        if (key == t.lastSyncKey) {
            return t.lastSyncNode;   // a key's node never changes while the key lives, and this holds the key
        }
        SyncNode found = lookUp(t, key, create);
        if (found != null) {
            t.lastSyncKey = key;
            t.lastSyncNode = found;
        }
        return found;
    }

    private SyncNode lookUp(ThreadState t, Object key, boolean create) {
        long slot = SyncSlots.offset(key);
        if (slot != SyncSlots.NONE) {
            return SyncSlots.node(key, slot, create);
        }
        int hash = System.identityHashCode(key);
        int way = hash & (SYNC_WAYS - 1);
        Object[] keys = t.syncKeys;
        if (keys != null && keys[way] == key) {
            return t.syncNodes[way];
        }
        SyncNode node = sharedSyncs.get(key, hash);
        if (node == null) {
            node = create ? syncs.getOrCreate(key, k -> new SyncNode()) : syncs.get(key);
            if (node != null) {
                sharedSyncs.lookedUp(key, hash, node);
            }
        }
        if (node != null) {
            if (keys == null) {
                // Not before the state's fourth lookup: most short tasks synchronize once or twice, and a
                // cache per task would be an allocation per task.
                if (++t.syncLookups < 4) {
                    return node;
                }
                keys = t.syncKeys = new Object[SYNC_WAYS];
                t.syncNodes = new SyncNode[SYNC_WAYS];
            }
            keys[way] = key;
            t.syncNodes[way] = node;
        }
        return node;
    }

    /**
     * An acquire on {@code (key, channel)}; a channel carrying {@link Bridges#INCIDENTAL} is that channel,
     * acquired as an incidental edge (it orders, but is no hand-off: hybrid mode's transfer clock ignores it).
     */
    void acquire(ThreadState t, Object key, long channel) {
        boolean incidental = Bridges.isIncidental((int) channel);
        if (incidental) {
            channel = Bridges.withoutKind((int) channel) & 0xffffffffL;
        }
        SyncNode node = node(t, key, false);
        SyncState s = node == null ? null : channel == 0 ? node.main : node.channel(channel, false);
        if (s == null) {
            return;
        }
        if (incidental) {
            s.acquireIncidental(t);
        } else {
            s.acquire(t);
        }
        if (node != null && node.handoff != null && t.flowSegment == null && t.below != null) {
            flows.offered(t, node.handoff);   // a task not yet settled in a flow may continue this one
        }
    }

    /** A release into {@code (key, channel)}; an {@link Bridges#INCIDENTAL} mark on the channel is dropped. */
    void release(ThreadState t, Object key, long channel) {
        if (Bridges.isIncidental((int) channel)) {
            channel = Bridges.withoutKind((int) channel) & 0xffffffffL;
        }
        SyncNode node = node(t, key, true);
        if (channel == 0 && Flows.isHandoff(t, key)) {
            node.handoff = flows.handOff(t);   // before the release, so that its acquirer sees it
        }
        (channel == 0 ? node.main : node.channel(channel, true)).release(t);
    }

    /**
     * A lock taken: an incidental edge (another schedule takes it in the other order; the lockset, not the
     * order, is what a lock protects with). A hand-off through a lock's wait or await adds a transfer acquire.
     */
    void lockAcquired(ThreadState t, Object lock) {
        lockAcquired(t, lock, false);
    }

    /**
     * As {@link #lockAcquired(ThreadState, Object)}; {@code exclusive} for a JDK exclusive lock, reported only for
     * its holder ({@link dev.guarded.agent.hook.HookListener#exclusiveLockAcquired}): its sync state's own lock
     * is then not needed (see {@link SyncState#release(ThreadState, boolean)}).
     */
    void lockAcquired(ThreadState t, Object lock, boolean exclusive) {
        SyncNode node = node(t, lock, true);
        node.main.acquireIncidental(t);
        t.heldForUpdate().add(node.lockRef(lock, lockIds));
        if (!t.resumeEpoch(node.main, exclusive)) {
            t.heldChanged();
        }
    }

    void lockReleasing(ThreadState t, Object lock) {
        lockReleasing(t, lock, false);
    }

    /** As {@link #lockReleasing(ThreadState, Object)}; {@code exclusive} as for {@link #lockAcquired}. */
    void lockReleasing(ThreadState t, Object lock, boolean exclusive) {
        SyncNode node = node(t, lock, true);
        // Not for a task whose flow is followed: its segments are cut at epochs the flow log relies on.
        boolean steady = t.epochSteady() && !(flows.active && t.below != null);
        LockRef[] before = t.heldLocks();
        t.heldForUpdate().remove(node.lockRef(lock, lockIds));
        t.heldChanged();
        node.main.release(t, exclusive);
        if (steady) {
            t.lockReleased(node.main, before);
        }
    }

    /** A shared hold (a read lock): in the lockset, but no clock moves, so readers stay unordered. */
    void lockHeld(ThreadState t, Object lock) {
        t.heldForUpdate().add(node(t, lock, true).lockRef(lock, lockIds));
        t.heldChanged();
    }

    void lockDropped(ThreadState t, Object lock) {
        t.heldForUpdate().remove(node(t, lock, true).lockRef(lock, lockIds));
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
        if (executor != null && isSequential(t, executor)) {   // the worker's cache: it sees this executor again and again
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
        // The executor's node through the worker's cache (the ended task's own cache is new and empty).
        ThreadState worker = ended.below != null ? ended.below : ended;
        if (ended.taskExecutor != null) {
            node(worker, ended.taskExecutor, true).main.release(ended);
        }
        if (ended.taskSequence != null) {
            node(worker, ended.taskSequence, true).channel(SEQUENCE_CHANNEL, true).release(ended);
        }
        if (ended.taskInherited) {
            ended.below.joinTransfersOf(ended);
            ended.below.join(ended.clock);
        }
        if (ended.flowSegment != null) {
            ended.flowSegment.ended = true;
        }
        if (ended.threadLocalsToHandBack != null) {
            handBack(ended);
        }
        registry.retire(ended);   // which drops the task's caches: an ended task keeps no key or array alive
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
        SyncState init = classInit.get(type);
        init.acquire(t);
        if (init.everReleased()) {
            // the initializer returned, and it releases only then: nothing left for this thread to learn here
            t.initialized(type);
        }
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
        SyncState s = volatileSync(t, owner, fieldId, false);
        if (s != null) {
            s.acquire(t);
        }
    }

    /** A volatile write (or a releasing atomic) of a field, {@code owner} null for a static one. */
    void volatileWrite(ThreadState t, Object owner, int fieldId) {
        volatileSync(t, owner, fieldId, true).release(t);
    }

    /**
     * {@code Object.clone} returned {@code copy}: its words are reset to a fresh write by this thread; where it
     * has none (the lockset modes, {@code words=false}, a class loaded before the agent), each of its fields
     * is written in the side tables instead (at {@code site}, by this thread), as {@code Object.clone} did.
     */
    void cloned(ThreadState t, Object copy, int site) {
        if (copy == null) {
            return;
        }
        if (!locksets) {
            t.beforeAccess();
            t.info.noteLocks(t.epoch, t.heldLocks());
            if (words.cloned(t, copy, site)) {
                return;
            }
        }
        for (int fieldId : clonedFields.get(copy.getClass())) {
            access(t, shadow.field(copy, fieldId), true, site, fieldId, null);
        }
    }

    /**
     * Per class, the ids of the instance fields a clone copies that the agent tracks: the plain (not final,
     * not volatile) instance fields of the program's classes in its hierarchy (the JDK's own fields are not
     * instrumented). Computed once per cloned class, by reflection.
     */
    private final ClassValue<int[]> clonedFields = new ClassValue<>() {
        @Override
        protected int[] computeValue(Class<?> type) {
            java.util.List<Integer> ids = new java.util.ArrayList<>();
            for (Class<?> c = type; c != null && !isJdkClass(c.getName()); c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!java.lang.reflect.Modifier.isStatic(m) && !java.lang.reflect.Modifier.isFinal(m)
                            && !java.lang.reflect.Modifier.isVolatile(m) && !f.isSynthetic()) {
                        ids.add(metadata.field(c.getName(), f.getName(), f.getType().descriptorString(), false,
                                false));
                    }
                }
            }
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
    };

    private static boolean isJdkClass(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }

    /**
     * {@code t} calls {@code get}, {@code set} or {@code remove} on {@code threadLocal}. The value a ThreadLocal
     * holds is confined to one physical thread, and that thread's program order is real: when another logical
     * thread (an earlier task on the same worker, or the thread below a task) used the same ThreadLocal on this
     * physical thread before, {@code t} acquires that user's clock as it is now, and the user's next access
     * starts a new epoch. Nothing else orders tasks that share a worker; different ThreadLocals, and the same
     * ThreadLocal on different threads, stay unordered.
     */
    void threadLocalUsed(ThreadState t, Object threadLocal) {
        ThreadState base = t.base;
        WeakIdentityTable<ThreadState.ThreadLocalUse> uses = base.threadLocalUses;
        if (uses == null) {
            uses = new WeakIdentityTable<>(null, 1, 4);
            base.threadLocalUses = uses;
        }
        ThreadState.ThreadLocalUse use = uses.getOrCreate(threadLocal, NEW_THREAD_LOCAL_USE);
        ThreadState last = use.last;
        if (last != t) {
            if (last != null) {
                // Same physical thread: last's clock is changed only by this thread, so it can be read here.
                // Program order of one thread hands the confined value over: a transfer edge (hybrid mode).
                t.joinTransfersOf(last);
                t.join(last.clock);
                last.released();
                if (t.below != null && runsInside(t, last)) {
                    handBackLater(t, use);
                }
            }
            use.last = t;
        }
    }

    /** @return whether {@code task} was begun, directly or not, inside the logical thread {@code outer} */
    private static boolean runsInside(ThreadState task, ThreadState outer) {
        for (ThreadState s = task.below; s != null; s = s.below) {
            if (s == outer) {
                return true;
            }
        }
        return false;
    }

    private static void handBackLater(ThreadState task, ThreadState.ThreadLocalUse use) {
        if (task.threadLocalsToHandBack == null) {
            task.threadLocalsToHandBack = new java.util.ArrayList<>(2);
        }
        task.threadLocalsToHandBack.add(use);
    }

    /**
     * {@code ended} used ThreadLocals that a logical thread it ran inside had used before: that one may still
     * hold the value it got (a loop over a per-thread queue that a nested task added to) and resumes after the
     * task on the same physical thread, so the one below acquires the task's end for each such ThreadLocal
     * that nobody used since; the hand-back continues down when the one below is itself a task.
     */
    private static void handBack(ThreadState ended) {
        ThreadState below = ended.below;
        for (ThreadState.ThreadLocalUse use : ended.threadLocalsToHandBack) {
            if (use.last == ended) {
                below.joinTransfersOf(ended);
                below.join(ended.clock);
                use.last = below;
                if (below.below != null) {
                    handBackLater(below, use);
                }
            }
        }
        ended.threadLocalsToHandBack = null;
    }

    private static final java.util.function.Function<Object, ThreadState.ThreadLocalUse> NEW_THREAD_LOCAL_USE =
            k -> new ThreadState.ThreadLocalUse();

    /**
     * An executor is being constructed; remembers, in its sync node, when its factory promises sequential
     * execution (every task begin asks, through the thread's sync-node cache).
     */
    void executorCreated(ThreadState t, Object executor) {
        if (executor != null && createdBySingleThreadFactory()) {
            node(t, executor, true).sequential = true;
        }
    }

    private boolean isSequential(ThreadState t, Object executor) {
        SyncNode node = node(t, executor, false);
        return node != null && node.sequential;
    }

    ThreadRegistry registry() {
        return registry;
    }

    private SyncState volatileSync(ThreadState t, Object owner, int fieldId, boolean create) {
        if (owner != null) {
            // One channel per object for all its volatile fields, the one VarHandles and field updaters use:
            // a handle does not say which field it stands for, and it may be declared in any class.
            SyncNode node = node(t, owner, create);
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
