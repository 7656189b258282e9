package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.ClassMatch.named;
import static dev.guarded.agent.internal.model.MethodMatch.methods;
import static dev.guarded.agent.internal.model.MethodMatch.staticMethods;

import java.util.List;

/** Threads, locks and conditions. */
final class LockRules {

    private static final String LOCKS = "java.util.concurrent.locks.";

    private LockRules() {
    }

    static List<Rule> rules() {
        var thread = named("java.lang.Thread", "java.lang.VirtualThread");
        var plain = named(LOCKS + "ReentrantLock");
        var write = named(LOCKS + "ReentrantReadWriteLock$WriteLock");
        var reentrant = named(LOCKS + "ReentrantLock", LOCKS + "ReentrantReadWriteLock$WriteLock");
        var read = named(LOCKS + "ReentrantReadWriteLock$ReadLock");
        var stamped = named(LOCKS + "StampedLock");
        return List.of(
                new Rule(thread, methods("start"), Advices.THREAD_START),
                new Rule(named("java.lang.VirtualThread"), methods("submitRunContinuation", "lazySubmitRunContinuation",
                        "externalSubmitRunContinuation", "externalSubmitRunContinuationOrThrow"),
                        Advices.INTERNALS),
                // The JVM's upcalls that link invokedynamic, condy and method-handle constants: interning in
                // JDK-wide tables, done by whichever thread links first, orders nothing the program can use.
                new Rule(named("java.lang.invoke.MethodHandleNatives"), staticMethods("linkCallSite",
                        "linkDynamicConstant", "linkMethod", "linkMethodHandleConstant", "findMethodHandleType"),
                        Advices.INTERNALS),
                // Every MethodType is made here and interned in a JVM-wide table, lazily, by whichever thread
                // first needs it (linkage, a VarHandle's first access mode): immutable, and no program edge.
                new Rule(named("java.lang.invoke.MethodType"), staticMethods("makeImpl"),
                        Advices.INTERNALS),
                // A class loader's per-class-name lock objects, in a map shared by every thread that loads
                // through it: two threads resolving the same class would be ordered by it.
                new Rule(named("java.lang.ClassLoader"), methods("getClassLoadingLock"),
                        Advices.INTERNALS),
                new Rule(named("java.lang.Thread"), methods("join"), Advices.THREAD_JOIN),
                new Rule(named("java.lang.Thread"), methods("exit").takingCount(0), Advices.THREAD_EXITING),
                new Rule(named("java.lang.VirtualThread"), methods("run").taking(Runnable.class),
                        Advices.THREAD_EXITING),
                new Rule(named("java.lang.Thread"), methods("isAlive").returning(boolean.class), Advices.THREAD_IS_ALIVE),
                new Rule(plain, methods("lock", "lockInterruptibly"), Advices.LOCK_ACQUIRED),
                new Rule(plain, methods("tryLock").returning(boolean.class), Advices.LOCK_TRY_ACQUIRED),
                new Rule(write, methods("lock", "lockInterruptibly"), Advices.WRITE_LOCK_ACQUIRED),
                new Rule(write, methods("tryLock").returning(boolean.class), Advices.WRITE_LOCK_TRY_ACQUIRED),
                new Rule(reentrant, methods("unlock"), Advices.LOCK_RELEASING),
                new Rule(read, methods("lock", "lockInterruptibly"), Advices.READ_LOCK_ACQUIRED),
                new Rule(read, methods("tryLock").returning(boolean.class), Advices.READ_LOCK_TRY_ACQUIRED),
                new Rule(read, methods("unlock"), Advices.READ_LOCK_RELEASING),
                new Rule(named(LOCKS + "AbstractQueuedSynchronizer$ConditionObject"),
                        methods("await", "awaitNanos", "awaitUntil", "awaitUninterruptibly"), Advices.CONDITION_AWAIT),
                new Rule(stamped, methods("writeLock", "tryWriteLock", "writeLockInterruptibly",
                        "tryConvertToWriteLock").returning(long.class), Advices.STAMPED_WRITE_ACQUIRED),
                new Rule(stamped, methods("readLock", "tryReadLock", "readLockInterruptibly",
                        "tryOptimisticRead", "tryConvertToReadLock").returning(long.class), Advices.STAMPED_READ_ACQUIRED),
                new Rule(stamped, methods("unlockWrite", "tryUnlockWrite", "unstampedUnlockWrite"),
                        Advices.STAMPED_WRITE_RELEASING),
                new Rule(stamped, methods("unlockRead", "tryUnlockRead", "unstampedUnlockRead"),
                        Advices.STAMPED_READ_RELEASING),
                new Rule(stamped, methods("unlock", "tryConvertToReadLock", "tryConvertToOptimisticRead")
                        .taking(long.class), Advices.STAMPED_RELEASING_BY_STAMP));
    }
}
