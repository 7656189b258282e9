package dev.guarded.benchmarks.jmh;

import dev.guarded.benchmarks.locks.Mutex;
import dev.guarded.benchmarks.locks.MutexKind;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Contention from many virtual threads: one invocation starts {@code vthreads} virtual threads that each
 * take and release one shared mutex {@code opsPerThread} times, then waits for all of them. The primary
 * score is batches per second; the {@code lockOps} counter is the lock/unlock pairs per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class VirtualThreadsBenchmark {

    /** The primitive under test. */
    @Param
    public MutexKind impl;

    /** Virtual threads per batch. */
    @Param("10000")
    public int vthreads;

    /** Acquire/release pairs per virtual thread. */
    @Param("10")
    public int opsPerThread;

    private Mutex mutex;
    private long guarded;

    /** Lock operations completed, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Acquire/release pairs done in this iteration. */
        public long lockOps;

        /** Clears the counter at the start of each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            lockOps = 0;
        }
    }

    /** Creates the shared mutex. */
    @Setup
    public void setUp() {
        mutex = impl.create();
    }

    /**
     * One batch of virtual threads.
     *
     * @param counters where the completed lock operations are added
     * @return the guarded counter after the batch
     */
    @Benchmark
    public long batch(Counters counters) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < vthreads; t++) {
                executor.execute(this::work);
            }
        }
        counters.lockOps += (long) vthreads * opsPerThread;
        return guarded;
    }

    private void work() {
        try {
            for (int i = 0; i < opsPerThread; i++) {
                mutex.acquire();
                try {
                    guarded++;
                } finally {
                    mutex.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark virtual thread interrupted", e);
        }
    }
}
