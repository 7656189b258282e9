package com.acme.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A payload handed over through a {@code VarHandle} on a plain (non-volatile) int field: compareAndSet by
 * the producer, getAcquire by the consumer. The state field is never touched by GETFIELD/PUTFIELD.
 */
public final class VarHandleClean {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(VarHandleClean.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE only
    private int state;
    private int data;

    public static void main(String[] args) throws Exception {
        VarHandleClean shared = new VarHandleClean();
        Thread producer = new Thread(() -> {
            shared.data = 42;
            if (!STATE.compareAndSet(shared, 0, 1)) {
                throw new AssertionError("state changed");
            }
        }, "producer");
        producer.start();
        while ((int) STATE.getAcquire(shared) != 1) {
            Thread.onSpinWait();
        }
        if (shared.data != 42) {
            throw new AssertionError("data=" + shared.data);
        }
        producer.join();
    }
}
