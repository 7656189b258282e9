package com.acme.monitor;

/** Two threads call a {@code synchronized} instance method that increments an instance field. */
public final class SynchronizedMethodClean {
    private int count;

    synchronized void increment() {
        count++;
    }

    synchronized int count() {
        return count;
    }

    public static void main(String[] args) throws Exception {
        SynchronizedMethodClean c = new SynchronizedMethodClean();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                c.increment();
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (c.count() != 2000) {
            throw new AssertionError("count=" + c.count());
        }
    }
}
