package dev.guarded.benchmarks.overhead.workloads;

/**
 * Millions of short-lived threads: starts {@code total} virtual threads in batches of {@code batch}, each
 * taking one monitor once, and joins every batch before starting the next. Under the detector this shows
 * whether state of dead threads (clock slots, sync clocks keyed by {@code Thread}) is given back: prints the
 * live heap after a GC every 100 batches as {@code guarded.live.heap.mb=}.
 */
final class ShortLivedThreads implements Workload {

    private int counter;

    @Override
    public long run(int[] args) throws Exception {
        int total = args[0];
        int batch = args[1];
        Object lock = new Object();
        counter = 0;
        for (int started = 0; started < total; started += batch) {
            Thread[] threads = new Thread[Math.min(batch, total - started)];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = Thread.ofVirtual().start(() -> {
                    synchronized (lock) {
                        counter++;
                    }
                });
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if ((started / batch) % 100 == 99) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.println("guarded.live.heap.mb=" + (rt.totalMemory() - rt.freeMemory()) / 1_000_000);
            }
        }
        synchronized (lock) {
            return counter;
        }
    }
}
