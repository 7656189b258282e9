package com.acme.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link VarHandleMixedClean} with the publication misplaced: the producer sets the state with the VarHandle
 * before it writes {@code data}, so the consumer's volatile read of the state does not order that write.
 */
public final class VarHandleMixedRacy {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(VarHandleMixedRacy.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    private int data;

    public static void main(String[] args) throws Exception {
        VarHandleMixedRacy shared = new VarHandleMixedRacy();
        int[] seen = new int[1];
        Thread consumer = new Thread(() -> {
            while (shared.state != 1) {
                Thread.onSpinWait();
            }
            seen[0] = shared.data;
        }, "consumer");
        consumer.start();
        if (!STATE.compareAndSet(shared, 0, 1)) {
            throw new AssertionError("state changed");
        }
        shared.data = 42;
        consumer.join();
        if (seen[0] == -1) {
            throw new AssertionError();
        }
    }
}
