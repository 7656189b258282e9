package com.acme.modes;

/**
 * Two threads increment {@code counter} inside {@code synchronized (LOCK)}, and main reads the total inside
 * it too: every access holds the same lock, so no mode reports anything (unlike
 * {@code monitor.SynchronizedBlockClean}, whose unlocked read after {@code join} the lockset mode flags).
 */
public final class AlwaysLocked {
    static final Object LOCK = new Object();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 500; i++) {
                synchronized (LOCK) {
                    counter++;
                }
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        int total;
        synchronized (LOCK) {
            total = counter;
        }
        if (total != 1000) {
            throw new AssertionError("counter=" + total);
        }
    }
}
