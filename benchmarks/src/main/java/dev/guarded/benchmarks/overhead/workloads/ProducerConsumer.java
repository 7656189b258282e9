package dev.guarded.benchmarks.overhead.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hand-off between threads. Phase 1: two producers fill mutable messages and pass them through a bounded
 * BlockingQueue to two consumers (the queue is the only happens-before edge). Phase 2: a
 * CompletableFuture pipeline on a small pool: build, transform on another thread, combine, collect.
 */
final class ProducerConsumer implements Workload {

    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 2;
    private static final int BATCH = 1000;

    /** A message whose plain fields are written by the producer and read by the consumer. */
    private static final class Message {
        long id;
        long payload;
        boolean last;
    }

    /** A value carried through the future pipeline, mutated on different pool threads. */
    private static final class Box {
        long value;
        int stages;

        Box(long value) {
            this.value = value;
        }
    }

    @Override
    public long run(int[] args) throws Exception {
        return queuePhase(args[0]) + pipelinePhase(args[1]);
    }

    private static long queuePhase(int perProducer) throws Exception {
        BlockingQueue<Message> queue = new ArrayBlockingQueue<>(1024);
        return Workers.runAll(PRODUCERS + CONSUMERS, t -> () -> {
            if (t < PRODUCERS) {
                for (int i = 0; i < perProducer; i++) {
                    Message m = new Message();
                    m.id = (long) t * perProducer + i;
                    m.payload = m.id * 3 + 1;
                    queue.put(m);
                }
                // One end marker per consumer from each producer keeps the shutdown simple.
                for (int c = 0; c < CONSUMERS / PRODUCERS; c++) {
                    Message end = new Message();
                    end.last = true;
                    queue.put(end);
                }
                return 0L;
            }
            long sum = 0;
            while (true) {
                Message m = queue.take();
                if (m.last) {
                    return sum;
                }
                sum += m.payload - m.id * 3;
            }
        });
    }

    private static long pipelinePhase(int futures) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long total = 0;
            for (int start = 0; start < futures; start += BATCH) {
                List<CompletableFuture<Long>> batch = new ArrayList<>();
                for (int i = start; i < Math.min(futures, start + BATCH); i++) {
                    long seed = i;
                    CompletableFuture<Box> left = CompletableFuture.supplyAsync(() -> new Box(seed), pool)
                            .thenApplyAsync(ProducerConsumer::triple, pool);
                    CompletableFuture<Box> right = CompletableFuture.supplyAsync(() -> new Box(1), pool);
                    batch.add(left.thenCombine(right, (l, r) -> l.value + r.value + l.stages + r.stages));
                }
                for (CompletableFuture<Long> f : batch) {
                    total += f.join();
                }
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private static Box triple(Box box) {
        box.value *= 3;
        box.stages++;
        return box;
    }
}
