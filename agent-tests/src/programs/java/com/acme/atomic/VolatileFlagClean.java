package com.acme.atomic;

/** The producer writes {@code data}, then sets a {@code volatile} flag; the consumer polls the flag. */
public final class VolatileFlagClean {
    static int data;
    static volatile boolean ready;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            ready = true;
        }, "producer");
        producer.start();
        while (!ready) {
            Thread.sleep(1);
        }
        if (data != 42) {
            throw new AssertionError("data=" + data);
        }
        producer.join();
    }
}
