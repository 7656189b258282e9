package dev.guarded.benchmarks.overhead.workloads;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock-heavy: several threads update one shared HashMap and a statistics object, each update a short
 * critical section under one ReentrantLock.
 */
final class LockHeavy implements Workload {

    /** Shared state, only touched with {@link #lock} held. */
    private static final class Shared {
        final ReentrantLock lock = new ReentrantLock();
        final Map<Integer, Long> counts = new HashMap<>();
        long updates;
        long maxKey;
    }

    @Override
    public long run(int[] args) throws Exception {
        int threads = args[0];
        int ops = args[1];
        Shared shared = new Shared();
        Workers.runAll(threads, t -> () -> {
            SplittableRandom random = new SplittableRandom(t);
            for (int i = 0; i < ops; i++) {
                int key = random.nextInt(4096);
                shared.lock.lock();
                try {
                    shared.counts.merge(key, 1L, Long::sum);
                    shared.updates++;
                    if (key > shared.maxKey) {
                        shared.maxKey = key;
                    }
                } finally {
                    shared.lock.unlock();
                }
            }
            return 0L;
        });
        shared.lock.lock();
        try {
            long total = 0;
            for (long count : shared.counts.values()) {
                total += count;
            }
            if (total != shared.updates) {
                throw new IllegalStateException("lost updates: map " + total + ", counter " + shared.updates);
            }
            return total * 10_000 + shared.maxKey;
        } finally {
            shared.lock.unlock();
        }
    }
}
