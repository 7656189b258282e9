package com.acme.monitor;

/** {@link WaitNotifyClean} without the monitor: the consumer guesses with a sleep instead of waiting. */
public final class WaitNotifyRacy {
    static int data;
    static int seen;

    public static void main(String[] args) throws Exception {
        Thread consumer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen = data;
        }, "consumer");
        consumer.start();
        data = 42;
        consumer.join();
    }
}
