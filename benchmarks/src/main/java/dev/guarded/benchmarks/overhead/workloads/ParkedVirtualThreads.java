package dev.guarded.benchmarks.overhead.workloads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale run: start {@code N} virtual threads, wait until every one of them is parked on a shared
 * latch (so all {@code N} are alive at once), then open the latch and wait for all to finish.
 */
final class ParkedVirtualThreads implements Workload {

    @Override
    public long run(int[] args) throws Exception {
        int count = args[0];
        CountDownLatch started = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong finished = new AtomicLong();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                executor.execute(() -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    finished.incrementAndGet();
                });
            }
            started.await();
            System.out.println("guarded.live.vthreads=" + count);
            System.out.println("guarded.live.vmhwm.kb=" + WorkloadMain.peakRssKb());
            release.countDown();
        }
        if (finished.get() != count) {
            throw new IllegalStateException("only " + finished.get() + " of " + count + " virtual threads finished");
        }
        return finished.get();
    }
}
