package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.Matchers.methods;
import static dev.guarded.agent.internal.model.Matchers.returning;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;

/** Threads, locks and conditions. */
final class LockRules {

    private static final String LOCKS = "java.util.concurrent.locks.";

    private LockRules() {
    }

    static List<Rule> rules() {
        var thread = namedOneOf("java.lang.Thread", "java.lang.VirtualThread");
        var plain = named(LOCKS + "ReentrantLock");
        var write = named(LOCKS + "ReentrantReadWriteLock$WriteLock");
        var reentrant = plain.or(write);
        var read = named(LOCKS + "ReentrantReadWriteLock$ReadLock");
        var stamped = named(LOCKS + "StampedLock");
        return List.of(
                new Rule(thread, methods("start"), ThreadAdvice.Start.class),
                new Rule(named("java.lang.VirtualThread"), methods("submitRunContinuation", "lazySubmitRunContinuation",
                        "externalSubmitRunContinuation", "externalSubmitRunContinuationOrThrow"),
                        ThreadAdvice.Internals.class),
                // The JVM's upcalls that link invokedynamic, condy and method-handle constants: interning in
                // JDK-wide tables, done by whichever thread links first, orders nothing the program can use.
                new Rule(named("java.lang.invoke.MethodHandleNatives"), isStatic().and(namedOneOf("linkCallSite",
                        "linkDynamicConstant", "linkMethod", "linkMethodHandleConstant", "findMethodHandleType")),
                        ThreadAdvice.Internals.class),
                // Every MethodType is made here and interned in a JVM-wide table, lazily, by whichever thread
                // first needs it (linkage, a VarHandle's first access mode): immutable, and no program edge.
                new Rule(named("java.lang.invoke.MethodType"), isStatic().and(named("makeImpl")),
                        ThreadAdvice.Internals.class),
                // A class loader's per-class-name lock objects, in a map shared by every thread that loads
                // through it: two threads resolving the same class would be ordered by it.
                new Rule(named("java.lang.ClassLoader"), methods("getClassLoadingLock"),
                        ThreadAdvice.Internals.class),
                new Rule(named("java.lang.Thread"), methods("join"), ThreadAdvice.Join.class),
                new Rule(named("java.lang.Thread"), methods("exit").and(takesArguments(0)), ThreadAdvice.Exiting.class),
                new Rule(named("java.lang.VirtualThread"), methods("run").and(takesArguments(Runnable.class)),
                        ThreadAdvice.Exiting.class),
                new Rule(named("java.lang.Thread"), returning(boolean.class, "isAlive"), ThreadAdvice.IsAlive.class),
                new Rule(plain, methods("lock", "lockInterruptibly"), LockAdvice.Acquired.class),
                new Rule(plain, returning(boolean.class, "tryLock"), LockAdvice.TryAcquired.class),
                new Rule(write, methods("lock", "lockInterruptibly"), LockAdvice.WriteAcquired.class),
                new Rule(write, returning(boolean.class, "tryLock"), LockAdvice.WriteTryAcquired.class),
                new Rule(reentrant, methods("unlock"), LockAdvice.Releasing.class),
                new Rule(read, methods("lock", "lockInterruptibly"), LockAdvice.ReadAcquired.class),
                new Rule(read, returning(boolean.class, "tryLock"), LockAdvice.ReadTryAcquired.class),
                new Rule(read, methods("unlock"), LockAdvice.ReadReleasing.class),
                new Rule(named(LOCKS + "AbstractQueuedSynchronizer$ConditionObject"),
                        methods("await", "awaitNanos", "awaitUntil", "awaitUninterruptibly"), LockAdvice.Await.class),
                new Rule(stamped, returning(long.class, "writeLock", "tryWriteLock", "writeLockInterruptibly",
                        "tryConvertToWriteLock"), StampedLockAdvice.WriteAcquired.class),
                new Rule(stamped, returning(long.class, "readLock", "tryReadLock", "readLockInterruptibly",
                        "tryOptimisticRead", "tryConvertToReadLock"), StampedLockAdvice.ReadAcquired.class),
                new Rule(stamped, methods("unlockWrite", "tryUnlockWrite", "unstampedUnlockWrite"),
                        StampedLockAdvice.WriteReleasing.class),
                new Rule(stamped, methods("unlockRead", "tryUnlockRead", "unstampedUnlockRead"),
                        StampedLockAdvice.ReadReleasing.class),
                new Rule(stamped, methods("unlock", "tryConvertToReadLock", "tryConvertToOptimisticRead")
                        .and(takesArguments(long.class)), StampedLockAdvice.ReleasingByStamp.class));
    }
}
