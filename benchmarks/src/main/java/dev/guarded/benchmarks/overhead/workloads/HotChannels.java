package dev.guarded.benchmarks.overhead.workloads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The detector's known scaling limit, reproducible: {@code N} virtual threads, all alive at once (parked on
 * a latch), then each passes through one hot channel (a lock) or two in turn (an {@code AtomicLong}
 * increment, then the lock). With two, threads that interleave between the channels make each join as wide
 * as the number of live threads; with one, joins stay small.
 */
final class HotChannels implements Workload {

    /** The counter under the lock; also the checksum. */
    private static final class Counter {
        final ReentrantLock lock = new ReentrantLock();
        long value;
    }

    @Override
    public long run(int[] args) throws Exception {
        int count = args[0];
        int channels = args[1];
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 (a lock) or 2 (an AtomicLong, then a lock); got "
                    + channels);
        }
        CountDownLatch started = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong passed = new AtomicLong();
        Counter counter = new Counter();
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                started.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (channels == 2) {
                    passed.incrementAndGet();
                }
                counter.lock.lock();
                try {
                    counter.value++;
                } finally {
                    counter.lock.unlock();
                }
            });
        }
        started.await();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        counter.lock.lock();
        try {
            return counter.value + passed.get();
        } finally {
            counter.lock.unlock();
        }
    }
}
