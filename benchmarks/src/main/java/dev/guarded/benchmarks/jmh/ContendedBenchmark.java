package dev.guarded.benchmarks.jmh;

import dev.guarded.benchmarks.locks.Mutex;
import dev.guarded.benchmarks.locks.MutexKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Contended throughput: every benchmark thread takes the same mutex, does a short critical section and
 * some work outside it. The thread counts live in the subclasses ({@code Threads2}, {@code Threads8},
 * {@code Threads64}) so one run covers all three; the primitive is the {@code impl} parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public abstract class ContendedBenchmark {

    /** Work outside the critical section, in JMH CPU tokens: keeps it contended but not a pure ping-pong. */
    private static final int OUTSIDE_WORK = 50;

    /** The primitive under test. */
    @Param
    public MutexKind impl;

    private Mutex mutex;
    private long guarded;

    /** Creates the shared mutex. */
    @Setup
    public void setUp() {
        mutex = impl.create();
    }

    /**
     * One acquire, a few guarded updates, one release, then private work.
     *
     * @return the guarded value seen (consumed by JMH)
     * @throws InterruptedException never in practice; the blocking faces declare it
     */
    @Benchmark
    public long acquireRelease() throws InterruptedException {
        long seen;
        mutex.acquire();
        try {
            seen = guarded++;
        } finally {
            mutex.release();
        }
        Blackhole.consumeCPU(OUTSIDE_WORK);
        return seen;
    }
}
