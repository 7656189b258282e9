package com.acme.atomic;

/** {@link VarHandleClean} without the VarHandle handoff: the reader sleeps instead. */
public final class VarHandleRacy {
    private int data;

    public static void main(String[] args) throws Exception {
        VarHandleRacy shared = new VarHandleRacy();
        Thread producer = new Thread(() -> shared.data = 42, "producer");
        producer.start();
        Thread.sleep(50);
        int seen = shared.data;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
