package dev.guarded.agent.internal.model;

import java.util.concurrent.locks.StampedLock;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * {@code StampedLock}, keyed on the lock with the read-write channels of {@link LockAdvice}: writers release
 * channel 0, readers channel 1; a read (or a successful optimistic read) acquires channel 0, a write both.
 * A zero stamp means the attempt failed and orders nothing.
 */
final class StampedLockAdvice {

    private StampedLockAdvice() {
    }

    /** writeLock, tryWriteLock, writeLockInterruptibly, tryConvertToWriteLock. */
    static final class WriteAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object lock, @Advice.Return long stamp) {
            if (stamp != 0L) {
                Hooks.acquire(lock, 0);
                Hooks.acquire(lock, 1);
            }
        }
    }

    /** readLock, tryReadLock, readLockInterruptibly, tryOptimisticRead. */
    static final class ReadAcquired {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object lock, @Advice.Return long stamp) {
            if (stamp != 0L) {
                Hooks.acquire(lock, 0);
            }
        }
    }

    /** unlockWrite, tryUnlockWrite, unstampedUnlockWrite. */
    static final class WriteReleasing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object lock) {
            Hooks.release(lock, 0);
        }
    }

    /** unlockRead, tryUnlockRead, unstampedUnlockRead. */
    static final class ReadReleasing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object lock) {
            Hooks.release(lock, 1);
        }
    }

    /** unlock(stamp), and conversions away from a write stamp (tryConvertToReadLock/OptimisticRead). */
    static final class ReleasingByStamp {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object lock, @Advice.Argument(0) long stamp) {
            Hooks.release(lock, StampedLock.isWriteLockStamp(stamp) ? 0 : 1);
        }
    }
}
