package dev.guarded.agenttests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every program of the suite, as pairs: a correctly synchronized program and its racy twin (the same
 * construct, misused), with the field the racy one must be reported on.
 * Program sources: {@code src/programs/java} (release 17) and {@code src/programs21/java} (Java 21 APIs).
 */
final class Catalogue {

    /** All programs, clean and racy, in construct order. */
    static final List<Program> ALL;

    static {
        List<Program> all = new ArrayList<>();
        // Monitors
        pair(all, "synchronized block", "monitor.SynchronizedBlock", "counter", 17);
        pair(all, "synchronized method", "monitor.SynchronizedMethod", "count", 17);
        pair(all, "static synchronized method", "monitor.StaticSynchronizedMethod", "total", 17);
        pair(all, "wait/notify", "monitor.WaitNotify", "data", 17);
        pair(all, "wait/notifyAll", "monitor.WaitNotifyAll", "data", 17);
        // Volatile and atomics
        pair(all, "volatile flag", "atomic.VolatileFlag", "data", 17);
        pair(all, "AtomicInteger", "atomic.AtomicInteger", "data", 17);
        pair(all, "AtomicReference", "atomic.AtomicReference", "$Box.value", 17);
        pair(all, "AtomicIntegerFieldUpdater", "atomic.FieldUpdater", "data", 17);
        pair(all, "VarHandle", "atomic.VarHandle", "data", 17);
        pair(all, "VarHandle CAS + volatile read of one field", "atomic.VarHandleMixed", "data", 17);
        pair(all, "VarHandle declared in another class", "atomic.VarHandleElsewhere", "$Cell.data", 17);
        // Threads
        pair(all, "Thread.start", "thread.ThreadStart", "config", 17);
        pair(all, "Thread.join", "thread.ThreadJoin", "result", 17);
        pair(all, "Thread.join(millis)", "thread.ThreadTimedJoin", "result", 17);
        pair(all, "isAlive() termination", "thread.IsAlivePolling", "result", 17);
        pair(all, "virtual thread start/join", "vthread.VirtualThreadJoin", "output", 21);
        pair(all, "virtual threads + synchronized", "vthread.VirtualThreadsMonitor", "counter", 21);
        pair(all, "seed: 10,000 virtual threads", "vthread.Seed", "value", 21);
        // java.util.concurrent.locks
        pair(all, "ReentrantLock", "locks.ReentrantLock", "counter", 17);
        pair(all, "ReentrantReadWriteLock", "locks.ReadWriteLock", "counter", 17);
        pair(all, "StampedLock", "locks.StampedLock", "counter", 17);
        pair(all, "Lock Condition", "locks.LockCondition", "data", 17);
        // Synchronizers
        pair(all, "Semaphore", "sync.Semaphore", "data", 17);
        pair(all, "CountDownLatch", "sync.CountDownLatch", "data", 17);
        pair(all, "CyclicBarrier", "sync.CyclicBarrier", "left", 17);
        pair(all, "Phaser", "sync.Phaser", "left", 17);
        pair(all, "Exchanger", "sync.Exchanger", "$Box.value", 17);
        // Executors
        pair(all, "executor submit -> task", "exec.SubmitToTask", "input", 17);
        pair(all, "task -> Future.get", "exec.FutureGet", "result", 17);
        pair(all, "invokeAll", "exec.InvokeAll", "first", 17);
        pair(all, "shutdown + awaitTermination", "exec.ShutdownAwaitTermination", "first", 17);
        pair(all, "ExecutorService.close()", "exec.ExecutorClose", "first", 21);
        pair(all, "newVirtualThreadPerTaskExecutor", "exec.VirtualThreadExecutor", "total", 21);
        // CompletableFuture
        pair(all, "CF supplyAsync -> thenApply -> join", "cf.SupplyAsyncJoin", "$Box.a", 17);
        pair(all, "CF thenApplyAsync across executors", "cf.ThenApplyAsync", "$Box.a", 17);
        pair(all, "CF thenCombine", "cf.ThenCombine", "$Box.y", 17);
        pair(all, "CF runAsync on custom executor", "cf.RunAsyncExecutor", "result", 17);
        pair(all, "CF complete() from another thread", "cf.CompleteFromThread", "data", 17);
        // ForkJoin
        pair(all, "RecursiveTask fork/join", "fj.RecursiveTask", "$Sum.partial", 17);
        pair(all, "RecursiveAction invoke", "fj.RecursiveAction", "int[]", 17);
        pair(all, "parallel stream", "fj.ParallelStream", "sum", 17);
        // Concurrent collections
        pair(all, "ConcurrentHashMap", "coll.ConcurrentHashMap", "$Box.value", 17);
        pair(all, "ConcurrentHashMap key set view", "coll.KeySetView", "$Box.value", 17);
        pair(all, "ArrayBlockingQueue", "coll.ArrayBlockingQueue", "$Box.value", 17);
        pair(all, "LinkedBlockingQueue", "coll.LinkedBlockingQueue", "$Box.value", 17);
        pair(all, "SynchronousQueue", "coll.SynchronousQueue", "$Box.value", 17);
        pair(all, "ConcurrentLinkedQueue", "coll.ConcurrentLinkedQueue", "$Box.value", 17);
        pair(all, "ConcurrentLinkedDeque", "coll.ConcurrentLinkedDeque", "$Box.value", 17);
        // Class initialization
        pair(all, "class initialization", "init.StaticInit", "instance", 17);
        // Arrays
        pair(all, "int[] elements", "array.Array", "int[]", 17);
        // Guarded's own primitives
        pair(all, "AsyncLock", "guarded.AsyncLock", "counter", 17);
        pair(all, "AsyncSemaphore", "guarded.AsyncSemaphore", "data", 17);
        pair(all, "AsyncEvent", "guarded.AsyncEvent", "data", 17);
        pair(all, "AsyncBarrier", "guarded.AsyncBarrier", "left", 17);
        pair(all, "AsyncCondition", "guarded.AsyncCondition", "data", 17);
        // Misuse: the primitive is used, but on the wrong object or at the wrong point. These catch a model
        // that orders too much (one global clock for all locks or volatiles, an edge at the wrong call).
        misuse(all, "synchronized block", "monitor.DifferentMonitorsRacy", "counter");
        misuse(all, "ReentrantLock", "locks.DifferentLocksRacy", "counter");
        misuse(all, "volatile flag", "atomic.VolatilePublishTooEarlyRacy", "data");
        misuse(all, "LinkedBlockingQueue", "coll.QueuePublishTooEarlyRacy", "$Box.value");
        misuse(all, "CountDownLatch", "sync.CountDownTooEarlyRacy", "data");
        ALL = Collections.unmodifiableList(all);
    }

    private Catalogue() {
    }

    /**
     * Adds {@code com.acme.<stem>Clean} and {@code com.acme.<stem>Racy}. {@code field} is the racy program's
     * field: a bare name for a field of the racy class, {@code $Nested.name} for a nested class's field, or
     * an array type such as {@code int[]}.
     */
    private static void pair(List<Program> all, String construct, String stem, String field, int release) {
        String clean = "com.acme." + stem + "Clean";
        String racy = "com.acme." + stem + "Racy";
        String expected = field.endsWith("[]") ? field
                : field.startsWith("$") ? racy + field
                : racy + "." + field;
        all.add(new Program(construct, clean, false, null, release));
        all.add(new Program(construct, racy, true, expected, release));
    }

    /** Adds a racy program without a clean twin: {@code com.acme.<name>}, field as for {@link #pair}. */
    private static void misuse(List<Program> all, String construct, String name, String field) {
        String racy = "com.acme." + name;
        String expected = field.startsWith("$") ? racy + field : racy + "." + field;
        all.add(new Program(construct + " (misused)", racy, true, expected, 17));
    }

    static Stream<Program> racy() {
        return ALL.stream().filter(Program::racy);
    }

    static Stream<Program> clean() {
        return ALL.stream().filter(p -> !p.racy());
    }
}
