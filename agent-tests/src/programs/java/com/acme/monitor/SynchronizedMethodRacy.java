package com.acme.monitor;

/**
 * {@link SynchronizedMethodClean} with {@code synchronized} forgotten on the getter: a reader polls
 * {@code count()} while the workers call the synchronized {@code increment()}. A monitor orders only the
 * threads that take it; a model that let a synchronized method order its callers with unsynchronized code of
 * the same object would miss the race.
 */
public final class SynchronizedMethodRacy {
    private int count;

    synchronized void increment() {
        count++;
    }

    int count() { // not synchronized
        return count;
    }

    public static void main(String[] args) throws Exception {
        SynchronizedMethodRacy c = new SynchronizedMethodRacy();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                c.increment();
            }
        };
        int[] lastSeen = new int[1];
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                lastSeen[0] = c.count();
            }
        }, "reader");
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        reader.start();
        a.join();
        b.join();
        reader.join();
        if (lastSeen[0] < 0 || lastSeen[0] > 2000) {
            throw new AssertionError("count=" + lastSeen[0]);
        }
    }
}
