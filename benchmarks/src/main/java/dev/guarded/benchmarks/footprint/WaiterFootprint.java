package dev.guarded.benchmarks.footprint;

import dev.guarded.benchmarks.locks.AsyncQueue;
import dev.guarded.benchmarks.locks.AsyncQueueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Memory per queued async waiter and the time to drain the queue.
 *
 * <p>For each primitive: hold it, measure the live heap, queue {@code N} {@code lockAsync()}-style waiters
 * (the futures kept in a pre-allocated array), measure again; the difference over {@code N} is the cost
 * per waiter including the caller's own future. A baseline run stores {@code N} fresh, incomplete
 * {@code CompletableFuture}s the same way; subtracting it gives the bytes the primitive adds beyond the
 * caller's future. Then the queue is drained in FIFO order and timed. Each primitive is measured
 * {@value #ROUNDS} times (fresh each time) and the medians are printed, so the first round's JIT
 * compilation does not dominate the drain time.
 *
 * <p>Usage: {@code java -Xmx4g -cp benchmarks.jar dev.guarded.benchmarks.footprint.WaiterFootprint
 * [waiters] [KIND ...]} (default 1000000 waiters, every kind).
 */
public final class WaiterFootprint {

    private static final int ROUNDS = 3;

    private WaiterFootprint() {
    }

    /**
     * @param args optional waiter count, then optional kind names
     */
    public static void main(String[] args) {
        int waiters = args.length > 0 ? parseCount(args[0]) : 1_000_000;
        List<AsyncQueueKind> kinds = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            kinds.add(parseKind(args[i]));
        }
        if (kinds.isEmpty()) {
            kinds.addAll(List.of(AsyncQueueKind.values()));
        }
        double futureBytes = baselineBytesPerFuture(waiters);
        System.out.printf(Locale.ROOT, "waiters: %d, JDK %s, plain CompletableFuture: %.1f bytes%n",
                waiters, Runtime.version(), futureBytes);
        System.out.printf(Locale.ROOT, "%-22s %14s %20s %10s %14s%n",
                "primitive", "bytes/waiter", "beyond own future", "drain ms", "drain ns/waiter");
        for (AsyncQueueKind kind : kinds) {
            measure(kind, waiters, futureBytes);
        }
    }

    private static double baselineBytesPerFuture(int waiters) {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[waiters];
        long before = HeapProbe.liveBytes();
        for (int i = 0; i < waiters; i++) {
            futures[i] = new CompletableFuture<Void>();
        }
        long after = HeapProbe.liveBytes();
        double perFuture = (after - before) / (double) waiters;
        if (futures[waiters - 1].isDone()) {
            throw new IllegalStateException("baseline future completed unexpectedly");
        }
        return perFuture;
    }

    private static void measure(AsyncQueueKind kind, int waiters, double futureBytes) {
        double[] bytes = new double[ROUNDS];
        double[] drains = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long[] result = measureOnce(kind, waiters);
            bytes[round] = result[0] / (double) waiters;
            drains[round] = result[1];
        }
        Arrays.sort(bytes);
        Arrays.sort(drains);
        double perWaiter = bytes[ROUNDS / 2];
        double drainNanos = drains[ROUNDS / 2];
        System.out.printf(Locale.ROOT, "%-22s %14.1f %20.1f %10.1f %14.1f%n", kind, perWaiter,
                perWaiter - futureBytes, drainNanos / 1e6, drainNanos / waiters);
    }

    /** @return {heap bytes added by the queued waiters, nanoseconds to drain them} */
    private static long[] measureOnce(AsyncQueueKind kind, int waiters) {
        AsyncQueue queue = kind.create(waiters);
        queue.holdFirst();
        long before = HeapProbe.liveBytes();
        queue.enqueueAll();
        long after = HeapProbe.liveBytes();
        long start = System.nanoTime();
        int drained = queue.drainAll();
        long drainNanos = System.nanoTime() - start;
        if (drained != waiters) {
            throw new IllegalStateException(kind + ": drained " + drained + " of " + waiters);
        }
        queue.checkIdle();
        return new long[] {after - before, drainNanos};
    }

    private static int parseCount(String text) {
        try {
            int count = Integer.parseInt(text.replace("_", ""));
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("waiters must be a positive integer, got '" + text + "'");
    }

    private static AsyncQueueKind parseKind(String text) {
        try {
            return AsyncQueueKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown primitive '" + text + "'; accepted: "
                    + List.of(AsyncQueueKind.values()), e);
        }
    }
}
