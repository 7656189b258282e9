package dev.guarded.agent.hook;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * What the JDK model inserts into {@code java.base} methods: one static call at a method's entry or exit
 * (the model's rules say which), with the receiver, arguments, a field of the receiver, the return value or
 * the thrown exception as operands. A value the method returns or throws comes first. Each body says which
 * happens-before edge the JDK's documented contract gives; the model's rule sets say where each applies.
 *
 * <p>Every method suppresses what the detector throws ({@link #dropUnlessFatal}): a modelled JDK method never
 * fails because of the agent. Bootstrap-visible, dependent on nothing but {@code java.base}.
 */
public final class ModelHooks {

    private ModelHooks() {
    }

    /**
     * The handler of every hook: a detector failure is dropped, so the JDK method runs on, except
     * {@code ThreadDeath} and {@code VirtualMachineError}, which must reach the program as they would have
     * without the agent.
     */
    private static void dropUnlessFatal(Throwable error) {
        Hooks.rethrowIfFatal(error);
    }

    // ---- keyed on the receiver: latches, futures, queues, atomics

    /** A publishing operation, at entry: release into the receiver before the effect becomes visible. */
    public static void release(Object self) {
        try {
            Hooks.release(self);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** An observing operation that returned, or a hand-off running what was published to the receiver. */
    public static void acquire(Object self) {
        try {
            Hooks.acquire(self);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** At exit of an observation whose {@code true} result means the publication was seen (tryAcquire, isDone). */
    public static void acquireIf(boolean observed, Object self) {
        if (observed) {
            acquire(self);
        }
    }

    /**
     * At entry of a read-modify-write (CAS, getAndAdd, poll, remove), whose exit acquires again. The entry
     * acquire adds no ordering, but it makes the release a copy of the thread's clock instead of a join of
     * two unrelated clocks, so a hot object's clocks stay structurally shared and later joins cost only what
     * changed.
     */
    public static void acquireRelease(Object self) {
        try {
            Hooks.acquireRelease(self);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * At entry of a counter's unconditional update ({@code incrementAndGet}, an adder's {@code sumThenReset}):
     * a read-modify-write whose acquires are incidental edges ({@link Bridges#INCIDENTAL}): the update
     * orders the thread after the previous one but did not wait for it. Its exit is {@link #acquireIncidental}.
     */
    public static void countingUpdate(Object self) {
        try {
            Hooks.acquire(self, Bridges.INCIDENTAL);
            Hooks.release(self, 0);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** An incidental acquire: a counting update's exit, a statistic's read ({@code LongAdder.sum}). */
    public static void acquireIncidental(Object self) {
        try {
            Hooks.acquire(self, Bridges.INCIDENTAL);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Submission to an executor: releases into the task (first argument, if any) and the executor. */
    public static void releaseTaskAndThis(Object self, Object task) {
        try {
            if (task != null) {
                Hooks.release(task);
            }
            Hooks.release(self);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Release into an argument that may be null (a task handed to a timer or pool); null orders nothing. */
    public static void releaseIfPresent(Object key) {
        if (key != null) {
            release(key);
        }
    }

    /** Acquire a field that may be null (the backing map of a view); null orders nothing. */
    public static void acquireIfPresent(Object key) {
        if (key != null) {
            acquire(key);
        }
    }

    // ---- field updaters: keyed on the target object's FIELD_ATOMICS channel

    /** A write through a field updater: release into the target object. */
    public static void releaseTarget(Object target) {
        try {
            if (target != null) {
                Hooks.release(target, Bridges.FIELD_ATOMICS);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A read through a field updater, and the exit of a read-modify-write through one. */
    public static void acquireTarget(Object target) {
        try {
            if (target != null) {
                Hooks.acquire(target, Bridges.FIELD_ATOMICS);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** At entry of a read-modify-write through a field updater; see {@link #acquireRelease}. */
    public static void acquireReleaseTarget(Object target) {
        try {
            if (target != null) {
                Hooks.acquire(target, Bridges.FIELD_ATOMICS);
                Hooks.release(target, Bridges.FIELD_ATOMICS);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** At entry of a counter's update through a field updater; see {@link #countingUpdate}. */
    public static void countingUpdateTarget(Object target) {
        try {
            if (target != null) {
                Hooks.acquire(target, Bridges.INCIDENTAL | Bridges.FIELD_ATOMICS);
                Hooks.release(target, Bridges.FIELD_ATOMICS);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** At exit of a counter's update through a field updater. */
    public static void acquireTargetIncidental(Object target) {
        try {
            if (target != null) {
                Hooks.acquire(target, Bridges.INCIDENTAL | Bridges.FIELD_ATOMICS);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    // ---- ReentrantLock, ReentrantReadWriteLock, AQS conditions: keyed on the lock's synchronizer (sync)
    // The exclusive holds report through Hooks.exclusiveLock*: every event on the synchronizer's clock happens
    // while its lock is held (readers only acquire it, and only while no writer holds the lock), so the
    // detector may let the lock keep those events apart. That is only true if nothing is reported for a thread
    // that does not hold the lock: an unlock or await by one throws IllegalMonitorStateException, and reports
    // nothing here.

    /**
     * A lock ({@code ReentrantLock.lock}) returned: held. A plain lock has no readers, so there is no
     * readers' channel to acquire.
     */
    public static void lockAcquired(Object sync) {
        try {
            Hooks.exclusiveLockAcquired(sync, Bridges.jdkSite);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** {@code tryLock} returned true. */
    public static void lockAcquiredIf(boolean acquired, Object sync) {
        if (acquired) {
            lockAcquired(sync);
        }
    }

    /** A write lock returned: held, and after every reader before it (a lock edge, not a hand-off). */
    public static void writeLockAcquired(Object sync) {
        try {
            Hooks.acquire(sync, Bridges.INCIDENTAL | 1);
            Hooks.exclusiveLockAcquired(sync, Bridges.jdkSite);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A write lock's {@code tryLock} returned true. */
    public static void writeLockAcquiredIf(boolean acquired, Object sync) {
        if (acquired) {
            writeLockAcquired(sync);
        }
    }

    /** {@code unlock()} of a ReentrantLock or write lock, at entry; nothing when the caller does not hold it. */
    public static void lockReleasing(Object lock, Object sync) {
        try {
            if (lock instanceof ReentrantLock plain ? plain.isHeldByCurrentThread()
                    : lock instanceof ReentrantReadWriteLock.WriteLock write && write.isHeldByCurrentThread()) {
                Hooks.exclusiveLockReleasing(sync, Bridges.jdkSite);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A read lock returned: sees every writer before it, held (lockset) without ordering readers. */
    public static void readLockAcquired(Object sync) {
        try {
            Hooks.acquire(sync, 0);
            Hooks.lockHeld(sync, Bridges.jdkSite);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A read lock's {@code tryLock} returned true. */
    public static void readLockAcquiredIf(boolean acquired, Object sync) {
        if (acquired) {
            readLockAcquired(sync);
        }
    }

    /** A read lock's {@code unlock()}, at entry: the reader's actions happen-before the next writer. */
    public static void readLockReleasing(Object sync) {
        try {
            Hooks.lockDropped(sync, Bridges.jdkSite);
            Hooks.release(sync, 1);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Entry of {@code ConditionObject.await*}: the lock is released. For the JDK's own locks the waiter leaves
     * the lockset and releases the lock's clock (nothing when it does not hold the lock: await then throws);
     * for a condition of another AQS subclass, whose lock operations are not modelled, only the synchronizer's
     * clock is released, so no hold is invented.
     */
    public static void awaitBegin(Object sync, Object condition) {
        try {
            if (!Bridges.isJdkLockSync(sync)) {
                Hooks.release(sync, 0);
            } else if (heldFor(sync, condition)) {
                Hooks.exclusiveLockReleasing(sync, Bridges.jdkSite);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Exit of {@code await*}, also by an exception: the lock was re-acquired (unless await refused to start); a
     * signalled waiter was handed what the signaller released (a transfer).
     */
    public static void awaitEnd(Object sync, Object condition) {
        try {
            Hooks.acquire(sync, 1);
            if (!Bridges.isJdkLockSync(sync)) {
                Hooks.acquire(sync, 0);
            } else if (heldFor(sync, condition)) {
                Hooks.exclusiveLockAcquired(sync, Bridges.jdkSite);
                Hooks.acquire(sync, 0);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Whether the calling thread holds the exclusive lock of {@code sync}, whose condition {@code condition} is:
     * {@code hasWaiters} is the synchronizer's one public question that answers only to the holder (it stops at
     * the first waiter it finds), and asking it is cheap next to the await around it.
     */
    private static boolean heldFor(Object sync, Object condition) {
        try {
            ((AbstractQueuedSynchronizer) sync).hasWaiters((AbstractQueuedSynchronizer.ConditionObject) condition);
            return true;
        } catch (IllegalMonitorStateException e) {
            return false;
        }
    }

    // ---- StampedLock: writers release channel 0, readers channel 1; a zero stamp orders nothing

    /** writeLock, tryWriteLock, writeLockInterruptibly, tryConvertToWriteLock returned. */
    public static void stampedWriteAcquired(long stamp, Object lock) {
        try {
            if (stamp != 0L) {
                Hooks.acquire(lock, 0);
                Hooks.acquire(lock, 1);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** readLock, tryReadLock, readLockInterruptibly, tryOptimisticRead returned. */
    public static void stampedReadAcquired(long stamp, Object lock) {
        try {
            if (stamp != 0L) {
                Hooks.acquire(lock, 0);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** unlockWrite, tryUnlockWrite, unstampedUnlockWrite, at entry. */
    public static void stampedWriteReleasing(Object lock) {
        try {
            Hooks.release(lock, 0);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** unlockRead, tryUnlockRead, unstampedUnlockRead, at entry. */
    public static void stampedReadReleasing(Object lock) {
        try {
            Hooks.release(lock, 1);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** unlock(stamp), and conversions away from a write stamp, at entry: the stamp says which side. */
    public static void stampedReleasing(Object lock, long stamp) {
        try {
            Hooks.release(lock, StampedLock.isWriteLockStamp(stamp) ? 0 : 1);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    // ---- threads

    /** {@code Thread.start()} (and the JDK-internal {@code start(ThreadContainer)}), at entry. */
    public static void threadStarting(Object thread) {
        try {
            Hooks.threadStarting((Thread) thread);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A {@code join} returned: if the thread is dead, its actions are visible. */
    public static void threadJoined(Object thread) {
        try {
            Thread joined = (Thread) thread;
            if (!joined.isAlive()) {
                Hooks.threadTerminated(joined);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** {@code isAlive()} returning false observes termination. */
    public static void threadAliveIs(boolean alive, Object thread) {
        try {
            if (!alive) {
                Hooks.threadTerminated((Thread) thread);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** The end of a thread's own run, on that thread ({@code Thread.exit}, {@code VirtualThread.run}). */
    public static void threadExiting() {
        try {
            Hooks.threadExiting();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Entry of JDK-internal work that orders nothing a program can rely on: its hooks are ignored. */
    public static void ignoreBegin() {
        try {
            Hooks.ignoreBegin();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Exit of such work, also by an exception. */
    public static void ignoreEnd() {
        try {
            Hooks.ignoreEnd();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    // ---- tasks as logical threads

    /**
     * {@code FutureTask.run}: the task's run as a logical thread; if no executor began it, program code runs
     * it itself, so it starts from the caller's clock.
     */
    public static void futureRunBegin(Object task) {
        try {
            Hooks.taskBegin(task, null, true);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** The end of a task's run ({@code FutureTask.run}, {@code doExec}, {@code tryFire}, {@code afterExecute}). */
    public static void taskEnd(Object task) {
        try {
            Hooks.taskEnd(task);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** {@code ThreadPoolExecutor.beforeExecute(thread, task)}: the worker starts running {@code task}. */
    public static void beforeExecute(Object executor, Object task) {
        try {
            Hooks.taskBegin(task, executor, false);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code ThreadPoolExecutor.execute(task)}, at entry: the submission releases into the task and the
     * executor, then the pool's bookkeeping is ignored until the exit ({@link #ignoreEnd}): it orders tasks
     * that the API leaves unordered.
     */
    public static void executeBegin(Object executor, Object task) {
        try {
            if (task != null) {
                Hooks.release(task);
            }
            Hooks.release(executor);
            Hooks.ignoreBegin();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code ThreadPerTaskExecutor.start(thread)}, at entry: the thread starts here, as far as the program can
     * tell (what the submitter did so far happens-before the task), then the executor's bookkeeping is ignored
     * until the exit: it adds the thread to a private set only the executor reads, and a release into the
     * thread for that would cost a clock per live thread for no edge. The {@code Thread.start} inside finds the
     * thread known already.
     */
    public static void threadStartingForTask(Object thread) {
        try {
            Hooks.threadStarting((Thread) thread);
            Hooks.ignoreBegin();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code ThreadPerTaskExecutor.taskComplete}, a task thread's last act: its end releases into the
     * executor, then the executor's bookkeeping is ignored until the exit.
     */
    public static void taskCompleteBegin(Object executor) {
        try {
            Hooks.release(executor);
            Hooks.ignoreBegin();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code ScheduledThreadPoolExecutor.delayedExecute/reExecutePeriodic(task)}: releases into the task the
     * worker will run, then the delay queue and workers are ignored until the exit.
     */
    public static void delayedExecuteBegin(Object task) {
        try {
            if (task != null) {
                Hooks.release(task);
            }
            Hooks.ignoreBegin();
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A {@code ThreadPoolExecutor} was constructed: the detector learns whether its factory runs tasks in turn. */
    public static void executorCreated(Object executor) {
        try {
            Hooks.executorCreated(executor);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code ForkJoinTask.doExec}: the task runs as its own logical thread, starting from what was released
     * into it, whoever executes it; its end also releases into the worker's pool.
     */
    public static void forkJoinExecBegin(Object task) {
        try {
            Hooks.taskBegin(task, ForkJoinTask.getPool(), false);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code java.util.TaskQueue.removeMin/rescheduleMin}: the timer thread takes the task at the head of its
     * queue ({@code queue[1]}) and acquires its scheduling; the timer thread stays one logical thread.
     */
    public static void timerFire(Object queue) {
        try {
            Object[] tasks = (Object[]) queue;
            if (tasks.length > 1 && tasks[1] != null) {
                Hooks.acquire(tasks[1]);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Exit of waiting for a task's outcome ({@code get}, {@code join}...), also by an exception: a result or
     * the task's own failure is the retrieval after which its actions are visible; giving up
     * ({@code InterruptedException}, {@code TimeoutException}) retrieves nothing.
     *
     * @param thrown what the method throws, null when it returned
     */
    public static void acquireOnOutcome(Throwable thrown, Object task) {
        if (!(thrown instanceof InterruptedException) && !(thrown instanceof TimeoutException)) {
            acquire(task);
        }
    }

    /**
     * Entry of the static {@code ForkJoinTask.invokeAll(...)}: releases into every task passed (single, array
     * or collection) before they run, some of them in the caller.
     */
    public static void invokeAllBegin(Object[] args) {
        try {
            for (Object arg : args) {
                for (Object task : tasks(arg)) {
                    if (task != null) {
                        Hooks.release(task);
                    }
                }
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Exit of {@code invokeAll}: every task passed is done, and acquired. */
    public static void invokeAllEnd(Object[] args) {
        try {
            for (Object arg : args) {
                for (Object task : tasks(arg)) {
                    if (task != null) {
                        Hooks.acquire(task);
                    }
                }
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    private static Iterable<?> tasks(Object arg) {
        if (arg instanceof ForkJoinTask) {
            return java.util.List.of(arg);
        } else if (arg instanceof Object[]) {
            return java.util.Arrays.asList((Object[]) arg);
        } else if (arg instanceof Collection) {
            return (Collection<?>) arg;
        }
        return java.util.List.of();
    }

    /** Pool submission (execute, submit, invoke) of a ForkJoinTask: releases into the task. */
    public static void forkJoinSubmit(Object task) {
        if (task instanceof ForkJoinTask) {
            release(task);
        }
    }

    /** {@code CountedCompleter.tryComplete/propagateCompletion/complete/...}: release into each ancestor. */
    public static void completionSignalled(Object self) {
        try {
            for (CountedCompleter<?> c = (CountedCompleter<?>) self; c != null; c = c.getCompleter()) {
                Hooks.release(c);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    // ---- CompletableFuture dependents

    /**
     * {@code UniCompletion.tryFire}: the dependent stage runs as a logical thread of its own, whichever thread
     * fires it: it starts from its registration and the source's completion.
     */
    public static void uniFireBegin(Object self, Object src) {
        try {
            Hooks.taskBegin(self, null, false);
            if (src != null) {
                Hooks.acquire(src);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** {@code BiCompletion.tryFire}: as {@link #uniFireBegin}, with both sources. */
    public static void biFireBegin(Object self, Object src, Object snd) {
        try {
            Hooks.taskBegin(self, null, false);
            if (src != null) {
                Hooks.acquire(src);
            }
            if (snd != null) {
                Hooks.acquire(snd);
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * {@code uniXxxStage/biXxxStage/orXxxStage}, at entry: the receiver and any other future argument, as
     * complete on entry (a source completing later is acquired where its result is read).
     */
    public static void stageBegin(Object self, Object[] args) {
        try {
            Hooks.acquire(self);
            for (Object arg : args) {
                if (arg instanceof CompletableFuture) {
                    Hooks.acquire(arg);
                }
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    // ---- ConcurrentHashMap, per element (Bridges.elementChannel) and per key (Bridges.keyStored)

    /** {@code get} returned: the value's insert happens-before, and what compute* published into the map. */
    public static void mapGot(Object value, Object map) {
        try {
            if (value != null) {
                Hooks.acquire(value, Bridges.elementChannel(map));
            }
            Hooks.acquire(map, Bridges.COMPUTED);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Entry of {@code putVal(key, value, onlyIfAbsent)} and {@code replaceNode(key, value, expected)}:
     * publishes the map change and the new value.
     */
    public static void mapUpdateBegin(Object map, Object value) {
        try {
            Hooks.release(map);
            if (value != null) {
                Hooks.release(value, Bridges.elementChannel(map));
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * A value handed out by a map (the one an update displaced or made, one an iterator returns): its insert
     * happens-before. A null value or map orders nothing.
     */
    public static void elementSeen(Object value, Object map) {
        try {
            if (value != null && map != null) {
                Hooks.acquire(value, Bridges.elementChannel(map));
            }
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Entry of {@code compute/computeIfAbsent/computeIfPresent}: the function sees what was published before;
     * the value made inside is published on the map's {@link Bridges#COMPUTED} channel, which {@code get}
     * acquires.
     */
    public static void computeBegin(Object map) {
        try {
            Hooks.acquireRelease(map);
            Hooks.release(map, Bridges.COMPUTED);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /**
     * Entry of {@code merge}: as {@link #computeBegin}, with an incidental acquire: a merge succeeds whatever
     * the other threads merged, so the order it puts them in is no hand-off.
     */
    public static void mergeBegin(Object map) {
        try {
            Hooks.acquire(map, Bridges.INCIDENTAL);
            Hooks.release(map, 0);
            Hooks.release(map, Bridges.COMPUTED);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Entry of {@code replaceAll}: every new value is made inside the call, published as compute's. */
    public static void recomputeBegin(Object map) {
        try {
            Hooks.release(map, Bridges.COMPUTED);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** Entry of an update that may insert its key: release into the key ({@link Bridges#keyStored}). */
    public static void keyStored(Object key) {
        try {
            Bridges.keyStored(key);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** A key handed out by an iterator ({@code KeyIterator.next}): its insertion happens-before. */
    public static void keySeen(Object key) {
        try {
            Bridges.keySeen(key);
        } catch (Throwable e) {
            dropUnlessFatal(e);
        }
    }

    /** The constructor of the entry view's {@code MapEntry(key, value, map)}: its key and value were seen. */
    public static void entrySeen(Object key, Object value, Object map) {
        keySeen(key);
        elementSeen(value, map);
    }
}
