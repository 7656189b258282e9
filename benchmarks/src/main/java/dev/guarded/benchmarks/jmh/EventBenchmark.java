package dev.guarded.benchmarks.jmh;

import dev.guarded.sync.AsyncEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One-shot signalling. {@code *SetAwait}: create, signal, wait on an already-signalled object (the
 * common "is it done yet" path), against CountDownLatch(1). {@code *FanOut}: {@value #WAITERS} async
 * waiters registered, then one signal runs them all, against a plain CompletableFuture (j.u.c has no
 * async latch). Scores are ns per operation (per waiter for fan-out).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class EventBenchmark {

    static final int WAITERS = 1000;

    private final CompletableFuture<?>[] runs = new CompletableFuture<?>[WAITERS];
    private final AtomicInteger woken = new AtomicInteger();

    /** @return whether the event was set */
    @Benchmark
    public boolean guardedEventSetAwait() throws InterruptedException {
        AsyncEvent event = new AsyncEvent();
        event.set();
        event.await();
        return event.isSet();
    }

    /** @return the latch count after waiting */
    @Benchmark
    public long jucLatchSetAwait() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        latch.countDown();
        latch.await();
        return latch.getCount();
    }

    /** @return the number of waiters run */
    @Benchmark
    @OperationsPerInvocation(WAITERS)
    public int guardedEventFanOut() {
        AsyncEvent event = new AsyncEvent();
        woken.set(0);
        for (int i = 0; i < WAITERS; i++) {
            runs[i] = event.awaitAsync().thenRun(this::wake);
        }
        event.set();
        return checkWoken();
    }

    /** @return the number of waiters run */
    @Benchmark
    @OperationsPerInvocation(WAITERS)
    public int futureFanOut() {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        woken.set(0);
        for (int i = 0; i < WAITERS; i++) {
            runs[i] = signal.thenRun(this::wake);
        }
        signal.complete(null);
        return checkWoken();
    }

    private void wake() {
        woken.incrementAndGet();
    }

    private int checkWoken() {
        // Joining covers an implementation that runs continuations on another thread.
        for (CompletableFuture<?> run : runs) {
            run.join();
        }
        int seen = woken.get();
        if (seen != WAITERS) {
            throw new IllegalStateException("expected " + WAITERS + " waiters woken, saw " + seen);
        }
        return seen;
    }
}
