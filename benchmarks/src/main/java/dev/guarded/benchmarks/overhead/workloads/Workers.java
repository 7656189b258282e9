package dev.guarded.benchmarks.overhead.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/** Runs a fixed number of platform threads to completion and sums their results. */
final class Workers {

    private Workers() {
    }

    /**
     * @param count threads to start
     * @param task the body of thread {@code i}
     * @return the sum of every thread's result
     * @throws Exception the first failure of any thread
     */
    static long runAll(int count, IntFunction<Callable<Long>> task) throws Exception {
        List<Thread> threads = new ArrayList<>();
        long[] results = new long[count];
        Exception[] failures = new Exception[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<Long> body = task.apply(i);
            Thread thread = new Thread(() -> {
                try {
                    results[index] = body.call();
                } catch (Exception e) {
                    failures[index] = e;
                }
            }, "workload-" + i);
            threads.add(thread);
            thread.start();
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            threads.get(i).join();
            if (failures[i] != null) {
                throw failures[i];
            }
            sum += results[i];
        }
        return sum;
    }
}
