package dev.guarded.benchmarks.overhead.workloads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seed scenario, fixed: many virtual threads each increment one shared counter, every increment
 * under a ReentrantLock.
 */
final class VirtualThreadLock implements Workload {

    /** The shared counter; {@code value} is only touched with {@code lock} held. */
    private static final class Counter {
        final ReentrantLock lock = new ReentrantLock();
        long value;

        void increment() {
            lock.lock();
            try {
                value++;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public long run(int[] args) {
        int vthreads = args[0];
        int ops = args[1];
        Counter counter = new Counter();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < vthreads; t++) {
                executor.execute(() -> {
                    for (int i = 0; i < ops; i++) {
                        counter.increment();
                    }
                });
            }
        }
        counter.lock.lock();
        try {
            long expected = (long) vthreads * ops;
            if (counter.value != expected) {
                throw new IllegalStateException("lost increments: " + counter.value + " of " + expected);
            }
            return counter.value;
        } finally {
            counter.lock.unlock();
        }
    }
}
