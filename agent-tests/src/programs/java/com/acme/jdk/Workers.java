package com.acme.jdk;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs tasks on platform threads of their own, all started before any is joined. A task that throws (a
 * corrupted collection can throw {@code ArrayIndexOutOfBoundsException}, {@code ConcurrentModificationException},
 * {@code NullPointerException}...) is counted, not printed: the harness treats a stack trace on stderr as
 * a crash, and the racy programs are expected to misbehave now and then.
 */
final class Workers {

    private Workers() {
    }

    /** @return how many tasks ended with an exception */
    static int runTogether(Runnable... tasks) throws InterruptedException {
        int[] failures = new int[tasks.length];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            int index = i;
            Runnable task = tasks[i];
            threads.add(new Thread(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failures[index] = 1;
                }
            }, "worker-" + i));
        }
        for (Thread t : threads) {
            t.start();
        }
        int failed = 0;
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join();
            failed += failures[i];
        }
        return failed;
    }
}
