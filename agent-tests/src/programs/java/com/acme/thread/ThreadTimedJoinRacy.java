package com.acme.thread;

/**
 * {@link ThreadTimedJoinClean} where the timed join times out: the writer wrote {@code result} but is still
 * running, so the join returned without observing termination and orders nothing.
 */
public final class ThreadTimedJoinRacy {
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
        t.join(50);
        int seen = result;
        t.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
