package dev.guarded.benchmarks.jmh;

import com.ibm.asyncutil.locks.AsyncLock.LockToken;
import com.ibm.asyncutil.locks.FairAsyncSemaphore;
import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.AsyncSemaphore;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Uncontended acquire + release, one thread, ns/op. Each primitive is private to the benchmark thread, so
 * every acquire takes the fast path; the numbers measure the fast path's atomics and allocation.
 * Async faces join the returned future, as a caller that needs the lock now would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class UncontendedBenchmark {

    private final AsyncLock guardedLock = new AsyncLock();
    private final AsyncSemaphore guardedSemaphore = new AsyncSemaphore(1);
    private final ReentrantLock nonFair = new ReentrantLock(false);
    private final ReentrantLock fair = new ReentrantLock(true);
    private final Semaphore fairSemaphore = new Semaphore(1, true);
    private final com.ibm.asyncutil.locks.AsyncLock asyncutilLock =
            com.ibm.asyncutil.locks.AsyncLock.createFair();
    private final FairAsyncSemaphore asyncutilSemaphore = new FairAsyncSemaphore(1);
    private final Object monitor = new Object();
    private int counter;

    /** Guarded AsyncLock, blocking face. */
    @Benchmark
    public int guardedLockBlocking() throws InterruptedException {
        guardedLock.lock();
        try {
            return ++counter;
        } finally {
            guardedLock.unlock();
        }
    }

    /** Guarded AsyncLock, async face: {@code lockAsync().join()}. */
    @Benchmark
    public int guardedLockAsync() {
        guardedLock.lockAsync().join();
        try {
            return ++counter;
        } finally {
            guardedLock.unlock();
        }
    }

    /** Guarded AsyncLock, {@code tryLock()}. */
    @Benchmark
    public int guardedLockTry() {
        if (!guardedLock.tryLock()) {
            throw new IllegalStateException("uncontended tryLock failed");
        }
        try {
            return ++counter;
        } finally {
            guardedLock.unlock();
        }
    }

    /** Guarded AsyncSemaphore(1), blocking face. */
    @Benchmark
    public int guardedSemaphoreBlocking() throws InterruptedException {
        guardedSemaphore.acquire();
        try {
            return ++counter;
        } finally {
            guardedSemaphore.release();
        }
    }

    /** Guarded AsyncSemaphore(1), async face. */
    @Benchmark
    public int guardedSemaphoreAsync() {
        guardedSemaphore.acquireAsync().join();
        try {
            return ++counter;
        } finally {
            guardedSemaphore.release();
        }
    }

    /** Baseline: non-fair ReentrantLock. */
    @Benchmark
    public int jucReentrantNonFair() {
        nonFair.lock();
        try {
            return ++counter;
        } finally {
            nonFair.unlock();
        }
    }

    /** Baseline: fair ReentrantLock. */
    @Benchmark
    public int jucReentrantFair() {
        fair.lock();
        try {
            return ++counter;
        } finally {
            fair.unlock();
        }
    }

    /** Baseline: fair Semaphore(1). */
    @Benchmark
    public int jucSemaphoreFair() throws InterruptedException {
        fairSemaphore.acquire();
        try {
            return ++counter;
        } finally {
            fairSemaphore.release();
        }
    }

    /** Baseline: a monitor. */
    @Benchmark
    public int synchronizedBlock() {
        synchronized (monitor) {
            return ++counter;
        }
    }

    /** asyncutil AsyncLock (fair), async face joined. */
    @Benchmark
    public int asyncutilLock() {
        LockToken token = asyncutilLock.acquireLock().toCompletableFuture().join();
        try {
            return ++counter;
        } finally {
            token.releaseLock();
        }
    }

    /** asyncutil FairAsyncSemaphore(1), async face joined. */
    @Benchmark
    public int asyncutilSemaphore() {
        asyncutilSemaphore.acquire().toCompletableFuture().join();
        try {
            return ++counter;
        } finally {
            asyncutilSemaphore.release();
        }
    }
}
