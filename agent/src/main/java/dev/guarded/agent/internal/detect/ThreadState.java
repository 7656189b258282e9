package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.ThreadContext;

/**
 * The detector's state for one logical thread: a thread, or a task running on one (an executor's task, a
 * fork/join task, a completion stage): its slot, vector clock, current epoch, held locks, and the
 * re-entrancy flag. Mutated only by the physical thread it belongs to (creation by the starting parent and
 * reading after death are ordered by thread start/termination).
 *
 * <p>A thread's own state heads a stack of the tasks begun on it ({@link ThreadRegistry#taskBegin}): its
 * {@link #current} is the innermost one, the state every hook of that thread is charged to.
 *
 * <p>It is the logical thread's {@link ThreadContext}: instrumented code compares shadow words with the
 * inherited {@code accessEpoch}, which is {@link #epoch}, or {@link ThreadContext#NO_EPOCH} while a tick is
 * pending, so that the first access after a release takes the slow path and ticks there.
 */
final class ThreadState extends ThreadContext {

    final int tid;
    final VectorClock clock;
    final ThreadInfo info;
    /**
     * The locks this thread holds; null until it first takes one: most tasks and many threads never do, and
     * a held-lock set is 40 bytes per logical thread. Read through {@link #heldLocks()}, changed through
     * {@link #heldForUpdate()}.
     */
    private HeldLocks held;
    /** The current epoch {@code own@tid}. */
    long epoch;
    /**
     * The arrays whose shadow the slow path found last, direct-mapped by identity hash, and those shadows:
     * spares the weak-table lookup when the slow path sees one of them again (the context's caches answer only
     * same-epoch accesses). Allocated at the fourth lookup; keeps those arrays reachable.
     */
    Object[] wordsArrays;
    ArrayWords[] wordsOf;
    /** Array-shadow lookups made before that cache exists. */
    int arrayLookups;
    /**
     * The sync nodes this thread used last, direct-mapped by the key's identity hash ({@link RaceAnalysis#node}):
     * a lock, queue, executor or atomic used again and again is found without a weak-table lookup. Allocated
     * at the fourth lookup; keeps up to {@code SYNC_WAYS} keys reachable while the state is in use.
     */
    Object[] syncKeys;
    SyncNode[] syncNodes;
    /** Sync-node lookups made before the cache exists. */
    int syncLookups;
    /**
     * The key of the last sync-node lookup and its node: a lock's acquire and release, or a thread re-taking the
     * lock it just released, find the node with one compare, before the class's slot lookup and the identity
     * hash the cache above needs (both inside the lock's critical section, where they lengthen the section
     * every other thread waits for). Keeps that one key reachable.
     */
    Object lastSyncKey;
    SyncNode lastSyncNode;
    /** The registry that made this state: a context cached by the hooks is only used by its own detector. */
    Object registry;
    /**
     * True after a release until the thread's clock next changes or it next accesses memory. Ticks are lazy:
     * releases in a row with nothing in between share one epoch, so every clock they publish is the same
     * clock, and later joins between those channels find identical entries (or the same trie) instead of
     * entries one tick apart, which would each have to be merged.
     */
    boolean tickPending;
    /** True while the detector runs on this thread: hook calls it causes return at once. */
    boolean busy;
    /**
     * While the detector checks a write: whether the check also stands for the read just before it, whose own
     * check the instrumenter left out ({@code Hooks.COVERS_READ}); the stale-write log records that read.
     */
    boolean coveredRead;
    /** {@link VectorClock#getMemoized}'s memo of this thread's clock: the trie root, slot and value last read. */
    Object memoRoot;
    int memoSlot;
    long memoValue;
    /**
     * A second, wider memo for a thread whose checks alternate between several other threads' entries, which
     * the one above misses on every switch: entries {@code Epoch.make(slot, value)} of trie {@link
     * #memoTableRoot}, direct-mapped by slot ({@link VectorClock#MEMO_WAYS}), -1 when empty. Allocated only once
     * the single memo has missed {@link VectorClock#MEMO_THRASH} times under one trie, so a short task pays
     * nothing for it.
     */
    long[] memoTable;
    Object memoTableRoot;
    int memoThrash;
    /**
     * Depth of JDK-internal regions whose hooks are ignored ({@code HookListener.ignoreBegin}); at least 1
     * for a carrier thread of the virtual-thread scheduler, which never runs program code as itself.
     */
    int ignoring;
    /**
     * False while the clock is exactly its value at the last release plus the tick: then anyone who knows
     * that release knows this whole clock but the own entry (makes joining a dead thread O(log n)).
     */
    boolean joinedSinceRelease = true;
    /** Set once (under the slot allocator's monitor) when the slot was handed back. */
    boolean retired;
    /**
     * While a call on a JDK object is being checked ({@link JdkObjectAccess}), that object, for the report's
     * {@code class@identity}; null otherwise.
     */
    Object callTarget;

    /** A carrier thread of the virtual-thread scheduler: never runs tasks of its own (see ThreadRegistry). */
    boolean carrier;

    // ---- logical threads: the stack of tasks running on one physical thread (only that thread touches these) ----

    /**
     * On a thread's own state: the logical thread its hooks are charged to, itself or the innermost task begun
     * on it. Read through {@link ThreadRegistry#find} only; changed only by {@code taskBegin}/{@code taskEnd}.
     */
    ThreadState current = this;
    /** The thread's own state: itself for a thread, the state of the thread it runs on for a task. */
    ThreadState base = this;
    /** For a task: the logical thread it was begun on, current again when the task ends; null for a thread. */
    ThreadState below;
    /** For a task: the object that names it (its future, ForkJoinTask or Runnable); null for a thread. */
    Object taskKey;
    /** For a task: the executor whose termination it releases into when it ends, or null. */
    Object taskExecutor;
    /** For a task of an executor that runs its tasks in submission order: the executor, else null. */
    Object taskSequence;
    /**
     * For a task its caller runs itself ({@code FutureTask.run} called by program code): the caller's clock
     * was its start, and the caller, which continues after the call returns, acquires its end.
     */
    boolean taskInherited;
    /** How often the running task was begun again under the same key (a FutureTask run by its executor). */
    int taskReentry;
    /**
     * On a thread's own state, once it used a {@code ThreadLocal}: per ThreadLocal, the logical thread that
     * used it last on this physical thread ({@link RaceAnalysis#threadLocalUsed}); only this thread touches it.
     */
    WeakIdentityTable<ThreadLocalUse> threadLocalUses;

    /**
     * For a task: the ThreadLocal uses it took over from a logical thread it runs inside (the thread or task
     * below it); when it ends, each is handed back to the one below ({@link RaceAnalysis#taskEnd}). Null until
     * that happens, which is rare.
     */
    java.util.List<ThreadLocalUse> threadLocalsToHandBack;

    /** The last logical thread that used one ThreadLocal on one physical thread. */
    static final class ThreadLocalUse {
        ThreadState last;
    }

    /**
     * In {@code hybrid} mode only (null otherwise): the part of {@link #clock} learnt through transfer edges
     * alone (thread start and join, task hand-off, queues, futures, volatile and atomic publication...), not
     * through incidental ones (a lock acquisition, a counting atomic). Its own entry is brought up to the
     * clock's before every publication ({@link #syncedTransfers}); between publications only {@link #clock}
     * says what this thread did.
     */
    VectorClock transfers;

    // ---- async flows (Flows): set only for tasks, only by Flows ----

    /** For a task: the segment of the flow it runs, settled at its first hand-off or tracked access; else null. */
    Flows.Segment flowSegment;
    /** For a task whose segment is not settled yet: the segment it would continue (the last one offered). */
    Flows.Segment flowCandidate;
    /**
     * The location whose next write this task must report although the epoch already wrote it (see
     * {@link #awaitWrite}); null when none.
     */
    Flows.Location awaitedWrite;

    /**
     * The flow log just kept a read of {@code loc}, which this epoch already wrote: the next write of it would be
     * answered inline and never take that read out of the log, leaving it live for the flow's later segments
     * (a spurious write-back at the flow's next blind write). So inline checks are off until that write
     * arrives ({@link #writeArrived}) or the epoch ends. Not a new epoch at once: that would leave the read word
     * behind, so a loop that writes, reads back and writes would start one on every turn. But a write that
     * does not come within {@link #AWAIT_BUDGET} slow accesses ends the epoch: every later access of this task
     * then reaches the detector once more, the write among them, instead of all of them until the next release.
     */
    void awaitWrite(Flows.Location loc) {
        // Two locations awaited at once: inline checks stay off until the epoch ends (no write matches).
        if (awaitedWrite == null) {
            awaitBudget = AWAIT_BUDGET;   // counted from the first read: reading on does not put the end off
        }
        awaitedWrite = awaitedWrite == null || awaitedWrite == loc ? loc : SEVERAL_AWAITED;
        accessEpoch = NO_EPOCH;
    }

    /** Slow accesses an awaited write may take to come before the epoch ends ({@link #awaitWrite}). */
    static final int AWAIT_BUDGET = 64;
    private int awaitBudget;

    /** What {@link #awaitedWrite} holds while writes of more than one location are awaited. */
    private static final Flows.Location SEVERAL_AWAITED = new Flows.Location();

    /** The write {@link #awaitWrite} waited for reached the detector: inline checks resume in this epoch. */
    void writeArrived() {
        awaitedWrite = null;
        if (!tickPending && !locksChanged) {
            accessEpoch = epoch;
        }
    }

    ThreadState(int tid, VectorClock clock, ThreadInfo info) {
        this.tid = tid;
        this.clock = clock;
        this.info = info;
        this.epoch = Epoch.make(tid, clock.own());
        this.accessEpoch = epoch;
    }

    /**
     * Called once its slot is handed back (the logical thread ended): drops what only the running thread needed,
     * the caches that keep arrays, sync keys and their shadows reachable, so that a dead thread kept for its
     * final clock (a later joiner still needs it) or for its name costs little. What joining it reads (clock,
     * epoch, transfer clock, tick flags) and what reports read ({@link #info}) stay.
     */
    /** @return a snapshot of the locks this thread holds (shared, immutable; empty when it holds none) */
    LockRef[] heldLocks() {
        HeldLocks h = held;
        return h == null ? LockRef.NONE : h.snapshot();
    }

    /** @return this thread's held-lock set, made at its first lock */
    HeldLocks heldForUpdate() {
        HeldLocks h = held;
        return h != null ? h : (held = new HeldLocks());
    }

    void releaseCaches() {
        forgetArrays();
        wordsArrays = null;
        wordsOf = null;
        syncKeys = null;
        syncNodes = null;
        lastSyncKey = null;
        lastSyncNode = null;
        callTarget = null;
        threadLocalUses = null;
    }

    /** @return whether the access at {@code epoch} happens-before this thread's current point */
    boolean knows(long e) {
        return Epoch.clock(e) <= clock.getMemoized(Epoch.tid(e), this);
    }

    /**
     * @return whether the access at {@code e} happens-before this point through transfer edges alone (always
     *     true for this logical thread's own accesses); only meaningful while {@link #transfers} is kept
     */
    boolean transferred(long e) {
        int u = Epoch.tid(e);
        return u == tid || Epoch.clock(e) <= transfers.get(u);
    }

    /** @return {@link #transfers} with its own entry brought up to the clock's, ready to be published */
    VectorClock syncedTransfers() {
        transfers.set(tid, clock.own());
        return transfers;
    }

    /**
     * Joins a transfer clock (the transfer half of an acquire). What it adds starts a new epoch like a join
     * of {@link #clock} does, so that one epoch's published transfer clock never grows afterwards.
     */
    void joinTransfers(VectorClock other) {
        if (transfers.joinFrom(other)) {
            changed();
        }
    }

    /** Joins another logical thread's whole transfer clock, its own entry included (join, inherited task end). */
    void joinTransfersOf(ThreadState other) {
        if (transfers != null && other.transfers != null) {
            joinTransfers(other.transfers);
            if (transfers.get(other.tid) < other.clock.own()) {
                transfers.set(other.tid, other.clock.own());
                changed();
            }
        }
    }

    /**
     * Joins {@code other} into this thread's clock (an acquire); what it adds belongs to a new epoch. A join
     * that merged two tries leaves the clock without a certificate; the thread then certifies its trie by its
     * own counter (after the tick a published counter needs), so that its next acquire of a clock that learned
     * that counter (the lock it will release and take again after others held it) adopts that clock's trie in
     * O(1) instead of merging again, at every hand-off, forever.
     */
    void join(VectorClock other) {
        if (clock.joinFrom(other)) {
            changed();
        }
        clock.certifyByOwner();
    }

    /** This logical thread acquired the finished initialization of {@code type}: its uses need no event now. */
    void initialized(Class<?> type) {
        initializationAcquired(type);
    }

    /** After publishing this thread's clock (a release or a fork): the next change or access needs a new epoch. */
    void released() {
        tickPending = true;
        accessEpoch = NO_EPOCH;
        resumable = null;
    }

    /**
     * The lock whose release is the only thing that ended this epoch so far, or null: if this thread takes it
     * again before anything else happens, the epoch may go on ({@link #resumeEpoch}). With
     * {@link #heldAtRelease}, the held set the epoch's accesses had.
     */
    private SyncState resumable;
    private LockRef[] heldAtRelease;

    /**
     * Before a lock release: @return whether it would be the first thing to end the epoch (no release, held-set
     * change or awaited write pending)
     */
    boolean epochSteady() {
        return !tickPending && !locksChanged && awaitedWrite == null;
    }

    /** After releasing {@code lock} (which called {@link #released}), when {@link #epochSteady} held before it. */
    void lockReleased(SyncState lock, LockRef[] heldBefore) {
        resumable = lock;
        heldAtRelease = heldBefore;
    }

    /**
     * This thread took {@code lock} again. When that lock's release was the only event since the epoch's accesses,
     * the held set is the one those accesses had, and the lock can take the release back (nobody joined it since,
     * {@link SyncState#retractRelease}), the epoch goes on: no other thread knows it, and the first to learn it
     * will do so through a later release, after every access made in it. A lock taken and released again and
     * again by one thread then costs no new epoch each time, and the accesses it guards stay answered by the
     * inline check. {@code exclusive}: the thread holds a JDK exclusive lock, whose clock that lock keeps apart
     * ({@link SyncState#release(ThreadState, boolean)}). @return whether the epoch went on
     */
    boolean resumeEpoch(SyncState lock, boolean exclusive) {
        if (resumable != lock || !tickPending || heldLocks() != heldAtRelease
                || !lock.retractRelease(this, exclusive)) {
            return false;
        }
        resumable = null;
        tickPending = false;
        locksChanged = false;
        accessEpoch = epoch;
        return true;
    }

    /**
     * True after the held-lock set changed while the epoch stayed: the next access starts a new epoch, so
     * that one epoch never sees two held sets (reports then name the locks of a past access exactly).
     */
    private boolean locksChanged;

    /**
     * Before an access: starts the new epoch a release or a change of held locks left pending, or that ends a
     * wait for a write ({@link #awaitWrite}) that took too many accesses.
     */
    void beforeAccess() {
        if (tickPending) {
            tick();
        } else if (locksChanged || (awaitedWrite != null && --awaitBudget < 0)) {
            locksChanged = false;
            awaitedWrite = null;
            clock.tick();
            epoch = Epoch.make(tid, clock.own());
            accessEpoch = epoch;
        }
    }

    /** The held-lock set changed: the next access belongs to a new epoch. */
    void heldChanged() {
        locksChanged = true;
        accessEpoch = NO_EPOCH;
    }

    /**
     * Acquires the final clock of a thread that terminated. When that thread did nothing but tick since its
     * last release and this thread knows that release, only its own entry is new.
     */
    void joinTerminated(ThreadState dead) {
        if (knows(dead.epoch)) {
            return;
        }
        long own = dead.clock.own();
        if (!dead.tickPending && !dead.joinedSinceRelease && clock.get(dead.tid) >= own - 1) {
            clock.set(dead.tid, own);
            changed();
        } else {
            join(dead.clock);
        }
    }

    /** The clock gained knowledge: it no longer equals what the pending release published. */
    private void changed() {
        if (tickPending) {
            tick();
        }
        joinedSinceRelease = true;
    }

    /** Starts a new epoch (after a release). */
    void tick() {
        resumable = null;
        tickPending = false;
        locksChanged = false;
        awaitedWrite = null;   // a new epoch sends every first access to the detector anyway
        joinedSinceRelease = false;
        clock.tick();
        epoch = Epoch.make(tid, clock.own());
        accessEpoch = epoch;
    }
}
