package dev.guarded.benchmarks.jmh;

import dev.guarded.sync.AsyncBarrier;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Barrier cycle time: {@code parties} platform threads (the benchmark thread plus pooled helpers) pass
 * one barrier {@value #ROUNDS} times per invocation; the score is time per cycle. AsyncBarrier is used
 * through its blocking face and through {@code awaitAsync().join()}; CyclicBarrier is the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class BarrierBenchmark {

    static final int ROUNDS = 1000;

    /** Which barrier and face. */
    @Param({"GUARDED_BLOCKING", "GUARDED_ASYNC", "JUC_CYCLIC"})
    public String impl;

    /** Threads meeting at the barrier. */
    @Param({"2", "4"})
    public int parties;

    private ExecutorService helpers;
    private Party party;

    /** One way of waiting at a barrier. */
    @FunctionalInterface
    interface Party {
        void await() throws InterruptedException, BrokenBarrierException;
    }

    /** Creates the barrier and the helper threads. */
    @Setup
    public void setUp() {
        helpers = Executors.newFixedThreadPool(parties - 1);
        party = switch (impl) {
            case "GUARDED_BLOCKING" -> {
                AsyncBarrier barrier = new AsyncBarrier(parties);
                yield barrier::await;
            }
            case "GUARDED_ASYNC" -> {
                AsyncBarrier barrier = new AsyncBarrier(parties);
                yield () -> barrier.awaitAsync().join();
            }
            case "JUC_CYCLIC" -> {
                CyclicBarrier barrier = new CyclicBarrier(parties);
                yield barrier::await;
            }
            default -> throw new IllegalArgumentException(
                    "impl must be GUARDED_BLOCKING, GUARDED_ASYNC or JUC_CYCLIC, got " + impl);
        };
    }

    /** Stops the helper threads. */
    @TearDown
    public void tearDown() {
        helpers.shutdownNow();
    }

    /**
     * {@value #ROUNDS} barrier cycles.
     *
     * @throws Exception if a party failed or the barrier broke
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void cycles() throws Exception {
        Future<?>[] others = new Future<?>[parties - 1];
        for (int i = 0; i < others.length; i++) {
            others[i] = helpers.submit(() -> {
                rounds();
                return null;
            });
        }
        rounds();
        for (Future<?> other : others) {
            other.get(60, TimeUnit.SECONDS);
        }
    }

    private void rounds() throws InterruptedException, BrokenBarrierException {
        for (int r = 0; r < ROUNDS; r++) {
            party.await();
        }
    }
}
