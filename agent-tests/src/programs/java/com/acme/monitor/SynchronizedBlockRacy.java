package com.acme.monitor;

/**
 * {@link SynchronizedBlockClean} with the increment split: each worker reads {@code counter} inside
 * {@code synchronized (LOCK)} but writes it back after leaving the block. The monitor orders the blocks, not
 * what follows them; a model that released the monitor late would miss the race.
 */
public final class SynchronizedBlockRacy {
    static final Object LOCK = new Object();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                int next;
                synchronized (LOCK) {
                    next = counter + 1;
                }
                counter = next; // outside the block
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter < 1 || counter > 2000) {
            throw new AssertionError("counter=" + counter);
        }
    }
}
