package dev.guarded.agent.internal.detect;

import java.util.List;

/**
 * Finds and creates thread states: a weak {@code Thread}-keyed table (a collected thread gives its slot back),
 * the slot allocator, and the start/termination rules. Thread-safe: lookups are lock-free; creation races are
 * settled by the table (the loser's slot is returned at once).
 */
final class ThreadRegistry {

    private final SlotAllocator slots;
    private final WeakIdentityTable<ThreadState> threads;
    private final StackCapture stacks;
    /**
     * Per slot, the last few threads that held it, newest first, each knowing the first clock value it used
     * ({@link ThreadInfo#firstClock}): shadow words keep only the epoch of an access, and a report names the
     * access's thread from it. An entry is the {@link ThreadInfo} itself while the slot had one occupant (the
     * common case, and the only one while a million threads are alive at once), else a {@code ThreadInfo[]}.
     */
    private volatile Object[] occupants = new Object[64];

    /** Whether thread states keep a transfer clock ({@code hybrid} mode), see {@link #trackTransfers}. */
    private boolean transfers;

    /** How many past occupants of one slot stay nameable. */
    private static final int HISTORY = 4;

    ThreadRegistry(int reuseAfter, int quarantine, int stackDepth) {
        this.slots = new SlotAllocator(reuseAfter, quarantine);
        this.threads = new WeakIdentityTable<>(slots::retire);
        this.stacks = new StackCapture(stackDepth);
    }

    /** Makes every thread state created from now on keep a transfer clock ({@link ThreadState#transfers}). */
    void trackTransfers() {
        transfers = true;
    }

    /**
     * Gives {@code state} its transfer clock when they are kept: {@code from}'s (the starting parent's, the
     * caller that runs a task itself) or a fresh one, plus what the slot's previous occupant knew, as its
     * clock has.
     */
    private void transferClock(ThreadState state, ThreadState from, SlotAllocator.Slot slot) {
        if (!transfers) {
            return;
        }
        VectorClock x = from == null || from.transfers == null ? VectorClock.forThread(slot.index(), slot.start())
                : VectorClock.inherit(from.syncedTransfers(), slot.index(), slot.start());
        if (slot.previous() != null) {
            x.joinFrom(slot.previous());
        }
        state.transfers = x;
    }

    /**
     * The one way the detector finds the state to charge an access to: the logical thread {@code thread} is
     * running right now, its own state or the innermost task begun on it. Task switches change it only in
     * {@link #taskBegin} and {@link #taskEnd}, so a cache of it needs updating only there.
     *
     * @return the current logical thread of {@code thread}, or null when the thread was never seen (lock-free)
     */
    ThreadState find(Thread thread) {
        ThreadState s = threads.get(thread);
        return s == null ? null : s.current;
    }

    /** @return the thread's own state (not a task running on it), or null when it was never seen */
    ThreadState own(Thread thread) {
        return threads.get(thread);
    }

    /**
     * Begins a task on the physical thread whose current logical thread is {@code on}: the task becomes
     * current with a fresh slot and a clock that knows nothing, or, when {@code inheritCaller}, the caller's
     * clock (the caller runs the task itself, as {@code FutureTask.run} called by program code or
     * {@code ForkJoinTask.invoke} do). The caller then acquires what the submission released. A task begun
     * again under the key of the running task (an executor runs a FutureTask, whose {@code run} begins it
     * too) is the same logical thread: only a re-entry count moves.
     *
     * @return the task's state, or null when {@code on} already runs this task
     */
    ThreadState taskBegin(ThreadState on, Object key, boolean inheritCaller) {
        if (on.taskKey == key) {
            on.taskReentry++;
            return null;
        }
        SlotAllocator.Slot slot = slots.allocate();
        VectorClock clock = inheritCaller ? VectorClock.inherit(on.clock, slot.index(), slot.start())
                : VectorClock.forThread(slot.index(), slot.start());
        if (slot.previous() != null) {
            clock.joinFrom(slot.previous());
        }
        // No start stack: capturing one per task would cost a stack walk for every task a program submits.
        ThreadState task = new ThreadState(slot.index(), clock, ThreadInfo.taskOn(on.info));
        transferClock(task, inheritCaller ? on : null, slot);
        task.registry = this;
        occupied(task);
        task.base = on.base;
        task.below = on;
        task.taskKey = key;
        task.taskInherited = inheritCaller;
        if (inheritCaller) {
            on.released();
        }
        on.base.current = task;
        return task;
    }

    /**
     * Ends the running task {@code top} if it is the task named {@code key} (a mismatch, e.g. an end whose
     * begin was skipped, changes nothing): the logical thread it was begun on becomes current again.
     *
     * @return the ended task, whose final clock the caller releases into its completion before
     *         {@link #retire retiring} it; null when nothing ended
     */
    ThreadState taskEnd(ThreadState top, Object key) {
        if (top.below == null || top.taskKey != key) {
            return null;
        }
        if (top.taskReentry > 0) {
            top.taskReentry--;
            return null;
        }
        top.base.current = top.below;
        return top;
    }

    /**
     * Hands back the slot of a task that ended. Nobody can join the task itself any more: joiners acquire the
     * clock it released into its completion, a copy that outlives the slot.
     */
    void retire(ThreadState endedTask) {
        slots.retire(endedTask);
        // A program that runs tasks on a pool but starts no thread would otherwise never drop dead threads.
        threads.expunge();
    }

    /** @return the state of {@code thread}, created fresh (knowing nothing) when it was never seen */
    ThreadState stateOf(Thread thread) {
        ThreadState s = threads.get(thread);
        if (s != null) {
            return s;
        }
        SlotAllocator.Slot slot = slots.allocate();
        VectorClock clock = VectorClock.forThread(slot.index(), slot.start());
        if (slot.previous() != null) {
            clock.joinFrom(slot.previous());
        }
        ThreadState fresh = new ThreadState(slot.index(), clock, ThreadInfo.of(thread, List.of()));
        transferClock(fresh, null, slot);
        return publish(thread, fresh);
    }

    /**
     * The parent's clock so far happens-before the child; the child gets its slot and start stack now and the
     * parent's next access or acquire starts a new epoch. A thread already known keeps its state.
     */
    ThreadState starting(ThreadState parent, Thread child) {
        ThreadState known = threads.get(child);
        if (known != null) {
            return known;
        }
        threads.expunge();
        SlotAllocator.Slot slot = slots.allocate();
        VectorClock clock = VectorClock.inherit(parent.clock, slot.index(), slot.start());
        if (slot.previous() != null) {
            clock.joinFrom(slot.previous());
        }
        ThreadState created = new ThreadState(slot.index(), clock,
                ThreadInfo.of(child, stacks.captureInterned()));
        transferClock(created, parent, slot);
        ThreadState state = publish(child, created);
        parent.released();
        return state;
    }

    /** A terminated thread's whole history happens-before the observer; its slot can then be reused. */
    void terminated(ThreadState observer, Thread thread, boolean terminated) {
        ThreadState dead = threads.get(thread);
        if (dead == null || dead == observer.base || !terminated) {
            return;
        }
        observer.joinTransfersOf(dead);
        observer.joinTerminated(dead);
        slots.retire(dead);
        // Threads whose Thread objects were collected meanwhile leave the table now, not at the next start: a
        // program that starts a million threads and then only joins them must not keep every state until exit.
        threads.expunge();
    }

    SlotAllocator slots() {
        return slots;
    }

    /** @return thread states currently tracked */
    int size() {
        return threads.size();
    }

    private ThreadState publish(Thread thread, ThreadState state) {
        if (isCarrier(thread)) {
            state.ignoring = 1;
            state.carrier = true;
        }
        state.registry = this;
        ThreadState winner = threads.putIfAbsent(thread, state);
        if (winner != state) {
            slots.retire(state);
        } else {
            occupied(state);
        }
        return winner;
    }

    /** @return whether {@code state} was made by this registry */
    boolean owns(ThreadState state) {
        return state.registry == this;
    }

    /**
     * @return the thread that made the access at {@code epoch}, or null when its slot has been reused too often
     *     since
     */
    ThreadInfo infoOf(long epoch) {
        int tid = Epoch.tid(epoch);
        Object[] all = occupants;
        Object entry = tid < all.length ? all[tid] : null;
        long clock = Epoch.clock(epoch);
        if (entry instanceof ThreadInfo only) {
            return only.firstClock <= clock ? only : null;
        }
        if (entry instanceof ThreadInfo[] history) {
            for (ThreadInfo o : history) {
                if (o.firstClock <= clock) {
                    return o;
                }
            }
        }
        return null;
    }

    private synchronized void occupied(ThreadState state) {
        Object[] all = occupants;
        if (state.tid >= all.length) {
            all = java.util.Arrays.copyOf(all, Math.max(state.tid + 1, all.length * 2));
        }
        state.info.firstClock = Epoch.clock(state.epoch);
        Object old = all[state.tid];
        if (old == null) {
            all[state.tid] = state.info;
        } else {
            ThreadInfo[] before = old instanceof ThreadInfo[] list ? list : new ThreadInfo[] {(ThreadInfo) old};
            int keep = Math.min(before.length, HISTORY - 1);
            ThreadInfo[] history = new ThreadInfo[keep + 1];
            history[0] = state.info;
            System.arraycopy(before, 0, history, 1, keep);
            all[state.tid] = history;
        }
        // The volatile write publishes the entry (and firstClock) to lock-free readers of infoOf.
        occupants = all;
    }

    /**
     * A carrier thread of the virtual-thread scheduler runs only continuations, and those run as their virtual
     * thread; whatever it does as itself (completing the scheduler's task wrappers, taking from its queues) is
     * scheduling, so its hooks are ignored for good.
     */
    private static boolean isCarrier(Thread thread) {
        return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread");
    }
}
