package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * {@code ReentrantLock}, {@code ReentrantReadWriteLock} and AQS conditions. A lock is held (lockset) and
 * ordered (happens-before) through its synchronizer object ({@code sync}), not the {@code Lock} facade:
 * a {@code ConditionObject} only knows its synchronizer ({@code this$0}), and {@code await} must release and
 * re-acquire exactly the clock and lockset entry that {@code lock()}/{@code unlock()} use.
 *
 * <p>Read-write locks share one {@code sync}: writers release channel 0 (through {@code lockReleasing}),
 * readers release channel 1; a read lock acquires channel 0 only, so readers are never ordered with each
 * other; a write lock acquires both. A read lock is in the lockset ({@code lockHeld}, no ordering) under the
 * same {@code sync} as the write lock, so reads under the read lock and writes under the write lock share a
 * common lock, as Eraser's read-write lock rule wants.
 */
final class LockAdvice {

    private LockAdvice() {
    }

    /**
     * {@code ReentrantLock.lock()/lockInterruptibly()} returned: held. A plain lock has no readers, so there is
     * no readers' channel to acquire.
     */
    static final class Acquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync) {
            Hooks.lockAcquired(sync, Bridges.jdkSite);
        }
    }

    /** {@code ReentrantLock.tryLock(...)} returning true. */
    static final class TryAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Return boolean acquired) {
            if (acquired) {
                Hooks.lockAcquired(sync, Bridges.jdkSite);
            }
        }
    }

    /** {@code WriteLock.lock()/lockInterruptibly()} returned: held, and after every reader before it. */
    static final class WriteAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync) {
            Hooks.acquire(sync, Bridges.INCIDENTAL | 1); // after every reader: a lock edge, not a hand-off
            Hooks.lockAcquired(sync, Bridges.jdkSite);
        }
    }

    /** {@code WriteLock.tryLock(...)} returning true. */
    static final class WriteTryAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Return boolean acquired) {
            if (acquired) {
                Hooks.acquire(sync, Bridges.INCIDENTAL | 1);
                Hooks.lockAcquired(sync, Bridges.jdkSite);
            }
        }
    }

    /** {@code unlock()} of a ReentrantLock or WriteLock. */
    static final class Releasing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Hooks.lockReleasing(sync, Bridges.jdkSite);
        }
    }

    /** {@code ReadLock.lock()/lockInterruptibly()} returned: sees every writer before it. */
    static final class ReadAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync) {
            Hooks.acquire(sync, 0);
            Hooks.lockHeld(sync, Bridges.jdkSite);
        }
    }

    /** {@code ReadLock.tryLock(...)} returning true. */
    static final class ReadTryAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Return boolean acquired) {
            if (acquired) {
                Hooks.acquire(sync, 0);
                Hooks.lockHeld(sync, Bridges.jdkSite);
            }
        }
    }

    /** {@code ReadLock.unlock()}: the reader's actions happen-before the next writer. */
    static final class ReadReleasing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Hooks.lockDropped(sync, Bridges.jdkSite);
            Hooks.release(sync, 1);
        }
    }

    /**
     * {@code ConditionObject.await*}: the lock is released on entry and re-acquired before returning, also
     * when the wait ends with an exception. For the JDK's own locks (whose {@code sync} is what
     * {@code lock()}/{@code unlock()} report) the waiter leaves and re-enters the lockset and the lock's clock;
     * for a condition of some other AQS subclass, whose lock operations are not modelled, only the
     * synchronizer's clock is released and re-acquired, so no hold is invented. A reentrant holder that
     * awaits is modelled as dropping one hold (await releases them all, the lockset keeps the lock listed).
     */
    static final class Await {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("this$0") Object sync) {
            if (Bridges.isJdkLockSync(sync)) {
                Hooks.lockReleasing(sync, Bridges.jdkSite);
            } else {
                Hooks.release(sync, 0);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("this$0") Object sync) {
            Hooks.acquire(sync, 1);
            if (Bridges.isJdkLockSync(sync)) {
                Hooks.lockAcquired(sync, Bridges.jdkSite);
                Hooks.acquire(sync, 0); // a signalled waiter was handed what the signaller released: a transfer
            } else {
                Hooks.acquire(sync, 0);
            }
        }
    }
}
