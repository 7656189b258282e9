package com.acme.thread;

/**
 * {@link IsAlivePollingClean} reading while {@code isAlive()} is still true: the writer wrote but has not
 * terminated, so nothing orders its write before main's read.
 */
public final class IsAlivePollingRacy {
    static int result;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> {
            result = 42;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        t.start();
        Thread.sleep(50);
        boolean alive = t.isAlive(); // true: the writer sleeps 500 ms after writing
        int seen = result;
        t.join();
        if (seen == -1 && alive) {
            throw new AssertionError();
        }
    }
}
