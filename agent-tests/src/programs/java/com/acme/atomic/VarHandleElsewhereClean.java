package com.acme.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link VarHandleMixedClean} with the VarHandle kept in another class than the field it stands for (a
 * holder class, as libraries that share handles do): the producer publishes with the handle, the consumer
 * waits with a plain volatile read, then answers with a volatile write the producer reads through the handle.
 */
public final class VarHandleElsewhereClean {

    /** The volatile field and the data it publishes; no VarHandle in this class. */
    static final class Cell {
        volatile int state;
        int data;
        int reply;
    }

    /** Where the handle lives. */
    static final class Handles {
        static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Cell.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Cell shared = new Cell();
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
        Handles.STATE.setRelease(shared, 1);
        while ((int) Handles.STATE.getAcquire(shared) != 2) {
            Thread.onSpinWait();
        }
        if (shared.reply != 43) {
            throw new AssertionError("reply=" + shared.reply);
        }
        consumer.join();
    }
}
