package com.acme.atomic;

/** {@link VolatileFlagClean} with the {@code volatile} modifier removed (the flag races too). */
public final class VolatileFlagRacy {
    static int data;
    static boolean ready;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            ready = true;
        }, "producer");
        producer.start();
        // Thread.sleep is an opaque call, so the JIT re-reads the plain flag every iteration.
        while (!ready) {
            Thread.sleep(1);
        }
        int seen = data;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
