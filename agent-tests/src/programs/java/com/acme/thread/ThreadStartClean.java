package com.acme.thread;

/** Main writes {@code config} before {@code Thread.start}; the started thread reads it. */
public final class ThreadStartClean {
    static int config;
    static int seen;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> seen = config, "reader");
        config = 42;
        t.start();
        t.join();
        if (seen != 42) {
            throw new AssertionError("seen=" + seen);
        }
    }
}
