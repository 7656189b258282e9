package com.acme.locks;

/** {@link LockConditionClean} without lock and condition: the consumer sleeps instead of awaiting. */
public final class LockConditionRacy {
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
