package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * {@code ReentrantLock}, {@code ReentrantReadWriteLock} and AQS conditions. A lock is held (lockset) and
 * ordered (happens-before) through its own object; in addition every unlock releases into the lock's
 * synchronizer ({@code sync}) on channel 0, which is what a condition waiter re-acquires, since
 * {@code Condition.await} re-acquires the synchronizer internally, not through {@code lock()}.
 *
 * <p>Read-write locks use two channels on {@code sync}: writers release channel 0, readers release channel 1;
 * a read lock acquires channel 0 only, so readers are never ordered with each other; a write lock acquires
 * both. Read locks are not entered into the lockset: {@code lockAcquired} would also order readers.
 */
final class LockAdvice {

    private LockAdvice() {
    }

    /** {@code ReentrantLock.lock()/lockInterruptibly()} and {@code WriteLock} equivalents returned: held. */
    static final class Acquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object lock, @Advice.FieldValue("sync") Object sync) {
            Hooks.acquire(sync, 1);
            Hooks.lockAcquired(lock, Bridges.jdkSite);
        }
    }

    /** {@code tryLock(...)} returning true. */
    static final class TryAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object lock, @Advice.FieldValue("sync") Object sync,
                @Advice.Return boolean acquired) {
            if (acquired) {
                Hooks.acquire(sync, 1);
                Hooks.lockAcquired(lock, Bridges.jdkSite);
            }
        }
    }

    /** {@code unlock()} of a ReentrantLock or WriteLock. */
    static final class Releasing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object lock, @Advice.FieldValue("sync") Object sync) {
            Hooks.release(sync, 0);
            Hooks.lockReleasing(lock, Bridges.jdkSite);
        }
    }

    /** {@code ReadLock.lock()/lockInterruptibly()} returned: sees every writer before it. */
    static final class ReadAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync) {
            Hooks.acquire(sync, 0);
        }
    }

    /** {@code ReadLock.tryLock(...)} returning true. */
    static final class ReadTryAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("sync") Object sync, @Advice.Return boolean acquired) {
            if (acquired) {
                Hooks.acquire(sync, 0);
            }
        }
    }

    /** {@code ReadLock.unlock()}: the reader's actions happen-before the next writer. */
    static final class ReadReleasing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("sync") Object sync) {
            Hooks.release(sync, 1);
        }
    }

    /**
     * {@code ConditionObject.await*}: the lock is fully released on entry and re-acquired before returning,
     * also when the wait ends with an exception.
     */
    static final class Await {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("this$0") Object sync) {
            Hooks.release(sync, 0);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.FieldValue("this$0") Object sync) {
            Hooks.acquire(sync, 0);
            Hooks.acquire(sync, 1);
        }
    }
}
