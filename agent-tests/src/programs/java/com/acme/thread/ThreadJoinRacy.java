package com.acme.thread;

/** {@link ThreadJoinClean} reading before the join (after a sleep). */
public final class ThreadJoinRacy {
    static int result;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> result = 42, "writer");
        t.start();
        Thread.sleep(50);
        int seen = result;
        t.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
