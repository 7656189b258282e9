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
        // A monitor its holder takes again at once, on an object that is also a future another thread waits for
        pair(all, "monitor taken again by its holder", "monitor.RetakenMonitor", "data", 17);
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
        pair(all, "CyclicBarrier barrier action", "sync.BarrierAction", "total", 17);
        pair(all, "Phaser", "sync.Phaser", "left", 17);
        pair(all, "Exchanger", "sync.Exchanger", "$Box.value", 17);
        // Executors
        pair(all, "executor submit -> task", "exec.SubmitToTask", "input", 17);
        pair(all, "task -> Future.get", "exec.FutureGet", "result", 17);
        pair(all, "invokeAll", "exec.InvokeAll", "first", 17);
        pair(all, "shutdown + awaitTermination", "exec.ShutdownAwaitTermination", "first", 17);
        pair(all, "ExecutorService.close()", "exec.ExecutorClose", "first", 21);
        // A ThreadLocal's value is confined to its thread: tasks that share a worker may share it
        pair(all, "ThreadLocal cache shared by tasks on one worker", "exec.ThreadLocalCache", "$Buffer.count", 17);
        pair(all, "newVirtualThreadPerTaskExecutor", "exec.VirtualThreadExecutor", "total", 21);
        pair(all, "virtual-thread executor close()", "exec.VirtualThreadClose", "first", 21);
        // CompletableFuture
        pair(all, "CF supplyAsync -> thenApply -> join", "cf.SupplyAsyncJoin", "$Box.a", 17);
        pair(all, "CF thenApplyAsync across executors", "cf.ThenApplyAsync", "$Box.a", 17);
        pair(all, "CF thenCombine", "cf.ThenCombine", "$Box.y", 17);
        pair(all, "CF two-source and any-of stages with a source completing during the call", "cf.TwoSourceWindow",
                "$Cell.value", 17);
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
        // Counted loops whose element checks move to one range check at the loop's exit
        pair(all, "loop range checks", "array.LoopRange", "int[]", 17);
        // A one-element array a compute callback writes: confined to its thread unless something else captures it
        pair(all, "compute callback cell", "array.ComputeCell", "int[]", 17);
        // A merge callback's own argument: the map's or the caller's array, never confined to the callback
        pair(all, "merge callback argument", "array.MergeArgument", "int[]", 17);
        // Object.clone copies a field's shadow words with it; the copy gets its own history
        pair(all, "Object.clone", "clone.Clone", "$Config.value", 17);
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
        // The JDK's non-thread-safe classes: the race is on the object's state, reported as its class
        jdk(all, "ArrayList", "jdk.ArrayList", "java.util.ArrayList", 17);
        jdk(all, "LinkedList", "jdk.LinkedList", "java.util.LinkedList", 17);
        jdk(all, "ArrayDeque", "jdk.ArrayDeque", "java.util.ArrayDeque", 17);
        jdk(all, "HashMap", "jdk.HashMap", "java.util.HashMap", 17);
        jdk(all, "LinkedHashMap", "jdk.LinkedHashMap", "java.util.LinkedHashMap", 17);
        jdk(all, "TreeMap", "jdk.TreeMap", "java.util.TreeMap", 17);
        jdk(all, "HashSet", "jdk.HashSet", "java.util.HashSet", 17);
        jdk(all, "LinkedHashSet", "jdk.LinkedHashSet", "java.util.LinkedHashSet", 17);
        jdk(all, "TreeSet", "jdk.TreeSet", "java.util.TreeSet", 17);
        jdk(all, "PriorityQueue", "jdk.PriorityQueue", "java.util.PriorityQueue", 17);
        jdk(all, "BitSet", "jdk.BitSet", "java.util.BitSet", 17);
        jdk(all, "StringBuilder", "jdk.StringBuilder", "java.lang.StringBuilder", 21);
        jdk(all, "SimpleDateFormat", "jdk.SimpleDateFormat", "java.text.SimpleDateFormat", 17);
        jdk(all, "DecimalFormat", "jdk.DecimalFormat", "java.text.DecimalFormat", 17);
        jdk(all, "MessageFormat", "jdk.MessageFormat", "java.text.MessageFormat", 17);
        jdk(all, "Matcher", "jdk.Matcher", "java.util.regex.Matcher", 17);
        jdk(all, "ArrayList iterator (ConcurrentModificationException)", "jdk.ConcurrentModification",
                "java.util.ArrayList", 17);
        jdk(all, "HashMap key set view and its iterator", "jdk.MapView", "java.util.HashMap", 17);
        jdk(all, "Collections.unmodifiableMap view", "jdk.UnmodifiableView", "java.util.HashMap", 17);
        // Memory-access APIs used by libraries, and keys published by concurrent maps (issue 11)
        pair(all, "sun.misc.Unsafe SPSC ring buffer (putOrderedLong/getLongVolatile)", "atomic.UnsafeRingBuffer",
                "long[]", 17);
        pair(all, "ConcurrentHashMap lookup: equals reads the stored key", "coll.MapKey", "$Key.name", 17);
        pair(all, "concurrent map lookups and iterators meeting a key inserted during the call", "coll.MapKeyWindow",
                "$Key.name", 17);
        all.add(new Program("sun.misc.Unsafe ring buffer (misused: element loaded before the index's acquire)",
                "com.acme.atomic.UnsafeReadBeforeAcquireRacy", true, "long[]", 17));
        ALL = Collections.unmodifiableList(all);
    }

    /**
     * The schedule-sensitivity set ({@link ScheduleSensitivityIT}): pairs whose racy program's race used to be
     * reported only when the schedule was lucky. Not part of {@link #ALL}: each program repeats its scenario
     * {@code Slots.ITERATIONS} times, one field {@code com.acme.schedule.Slots.sNN} per iteration, and is
     * checked per iteration. Compiled with release 21 (some use virtual threads), so not run on JDK 17.
     */
    static final List<Program> SCHEDULE;

    static {
        List<Program> schedule = new ArrayList<>();
        String field = "com.acme.schedule.Slots.s";
        for (String[] p : new String[][] {
            {"fixed pool: two tasks after one latch", "FixedPoolLatch"},
            {"single-thread executor: write after submit", "SingleThreadSubmit"},
            {"scheduled callable: write after schedule", "ScheduleCallable"},
            {"common pool runAsync: read, yield, write", "CommonPoolRunAsync"},
            {"newFixedThreadPool(1) vs newSingleThreadExecutor", "SequentialExecutor"},
            {"newScheduledThreadPool(1) vs newSingleThreadScheduledExecutor", "SequentialScheduled"},
            {"periodic task: write after scheduling", "PeriodicTask"},
            {"ForkJoinPool(1): two forked subtasks", "ForkJoinOneWorker"},
            {"ForkJoinPool.submit: write after submit", "ForkJoinSubmit"},
            {"CF: two stages of one source", "StagesOfOneSource"},
            {"CF: completer writes after complete", "CompleteThenWrite"},
            {"CF: two async stages on a one-thread pool", "AsyncOnOneThread"},
            {"CF delayedExecutor: write after supplyAsync", "DelayedExecutor"},
            {"Timer: write after schedule", "Timer"},
            {"two Timers vs one Timer", "TwoTimers"},
            {"invokeAll: two callables", "InvokeAll"},
            {"parallel stream forEach", "ParallelStream"},
            {"cached pool: worker reused", "CachedPoolReuse"},
            {"virtual thread: write after start", "VirtualThreadSleep"},
            {"virtual threads: read, yield, write", "VirtualThreadsYield"},
            {"virtual-thread-per-task executor", "VirtualThreadPerTask"},
        }) {
            String stem = "com.acme.schedule." + p[1];
            schedule.add(new Program(p[0], stem + "Clean", false, null, 21));
            schedule.add(new Program(p[0], stem + "Racy", true, field, 21));
        }
        SCHEDULE = Collections.unmodifiableList(schedule);
    }

    /**
     * The "ordered by accident" group ({@link HybridModeIT}): two threads update {@code counter} without a
     * common lock, and in the run only an incidental edge (an unrelated lock, a counting atomic, a statistic,
     * a map merge) orders the second after the first. Free of happens-before races in mode {@code hb}; each
     * must be reported as {@code unguarded} on {@code counter} in mode {@code hybrid}. Not part of {@link #ALL}.
     */
    static final List<Program> ACCIDENTS;

    static {
        List<Program> accidents = new ArrayList<>();
        for (String[] p : new String[][] {
            {"unrelated monitor", "UnrelatedMonitorRacy"},
            {"unrelated ReentrantLock", "UnrelatedReentrantLockRacy"},
            {"write lock of other data", "OtherWriteLockRacy"},
            {"AtomicInteger counter", "AtomicCounterRacy"},
            {"AtomicLongArray histogram", "AtomicArrayHistogramRacy"},
            {"volatile counter (field updater)", "VolatileCounterRacy"},
            {"LongAdder statistic", "LongAdderRacy"},
            {"ConcurrentHashMap.merge", "ConcurrentMapMergeRacy"},
            {"sleep-ordered threads", "SleepOrderedRacy"},
        }) {
            String main = "com.acme.accident." + p[1];
            accidents.add(new Program(p[0], main, true, main + ".counter", 17));
        }
        ACCIDENTS = Collections.unmodifiableList(accidents);
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

    /**
     * Adds {@code com.acme.<stem>Clean} and {@code com.acme.<stem>Racy} for a JDK class: the racy program's race
     * is on the state of an instance of {@code jdkClass}, the report's {@code field}.
     */
    private static void jdk(List<Program> all, String construct, String stem, String jdkClass, int release) {
        all.add(new Program(construct, "com.acme." + stem + "Clean", false, null, release));
        all.add(new Program(construct, "com.acme." + stem + "Racy", true, jdkClass, release));
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
