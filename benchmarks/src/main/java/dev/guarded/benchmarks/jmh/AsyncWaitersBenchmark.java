package dev.guarded.benchmarks.jmh;

import dev.guarded.benchmarks.locks.AsyncQueue;
import dev.guarded.benchmarks.locks.AsyncQueueKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Async contention: {@code waiters} CompletableFuture waiters queue on one held lock (no thread per waiter),
 * then the holder releases and each granted waiter releases in turn until the queue is empty.
 * {@code queueAndDrain} times both phases; {@code queueOnly} times the enqueueing alone (the drain runs
 * untimed in the per-invocation tear-down); {@code drainByCallbacks} releases from each waiter's own
 * continuation, the way async code is written, which also shows whether a release recurses into the next.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xss4m"})
public class AsyncWaitersBenchmark {

    /** The primitive under test. */
    @Param
    public AsyncQueueKind impl;

    /** Waiters queued per invocation. */
    @Param("100000")
    public int waiters;

    private AsyncQueue queue;

    /** A fresh, held primitive for each invocation. */
    @Setup(Level.Invocation)
    public void setUp() {
        queue = impl.create(waiters);
        queue.holdFirst();
    }

    /** Leaves nothing queued behind, whichever benchmark ran. */
    @TearDown(Level.Invocation)
    public void tearDown() {
        queue.drainAll();
        queue.checkIdle();
    }

    /** @return the number of waiters queued and granted */
    @Benchmark
    public int queueAndDrain() {
        queue.enqueueAll();
        return queue.drainAll();
    }

    /** @return the number of waiters queued */
    @Benchmark
    public int queueOnly() {
        return queue.enqueueAll();
    }

    /** @return the number of waiters granted */
    @Benchmark
    public int drainByCallbacks() {
        return queue.enqueueAndDrainByCallbacks();
    }
}
