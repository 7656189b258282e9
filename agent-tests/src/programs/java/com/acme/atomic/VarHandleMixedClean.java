package com.acme.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One volatile field used both ways, as lock-free code commonly does: the producer publishes {@code data}
 * with a VarHandle compareAndSet and the consumer waits with a plain volatile read of the same field; the
 * consumer answers with a plain volatile write and the producer waits with a VarHandle getAcquire.
 */
public final class VarHandleMixedClean {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(VarHandleMixedClean.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    private int data;
    private int reply;

    public static void main(String[] args) throws Exception {
        VarHandleMixedClean shared = new VarHandleMixedClean();
        Thread consumer = new Thread(() -> {
            while (shared.state != 1) {
                Thread.onSpinWait();
            }
            shared.reply = shared.data + 1;
            shared.state = 2;
        }, "consumer");
        consumer.start();
        Thread.sleep(20);
        shared.data = 42;
        if (!STATE.compareAndSet(shared, 0, 1)) {
            throw new AssertionError("state changed");
        }
        while ((int) STATE.getAcquire(shared) != 2) {
            Thread.onSpinWait();
        }
        if (shared.reply != 43) {
            throw new AssertionError("reply=" + shared.reply);
        }
        consumer.join();
    }
}
