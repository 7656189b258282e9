package com.acme.thread;

/** {@link ThreadStartClean} with the write moved after {@code start}, so start no longer orders it. */
public final class ThreadStartRacy {
    static int config;
    static int seen;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen = config;
        }, "reader");
        t.start();
        config = 42;
        t.join();
    }
}
