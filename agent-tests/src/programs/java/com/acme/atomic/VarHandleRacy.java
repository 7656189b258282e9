package com.acme.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link VarHandleClean} with the producer's {@code setRelease} before its write of {@code data}: the
 * consumer's {@code getAcquire} orders what came before the release, not the write after it.
 */
public final class VarHandleRacy {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(VarHandleRacy.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE only
    private int state;
    private int data;

    public static void main(String[] args) throws Exception {
        VarHandleRacy shared = new VarHandleRacy();
        Thread producer = new Thread(() -> {
            STATE.setRelease(shared, 1); // published too early
            shared.data = 42;
        }, "producer");
        producer.start();
        while ((int) STATE.getAcquire(shared) != 1) {
            Thread.onSpinWait();
        }
        int seen = shared.data;
        producer.join();
        if (seen != 0 && seen != 42) {
            throw new AssertionError("data=" + seen);
        }
    }
}
