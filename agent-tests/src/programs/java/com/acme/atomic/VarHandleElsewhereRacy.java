package com.acme.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** {@link VarHandleElsewhereClean} with {@code data} written after the handle published the state. */
public final class VarHandleElsewhereRacy {

    /** The volatile field and the data it should publish. */
    static final class Cell {
        volatile int state;
        int data;
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
            int seen = shared.data;
            if (seen == -1) {
                throw new AssertionError();
            }
        }, "consumer");
        consumer.start();
        Thread.sleep(20);
        Handles.STATE.setRelease(shared, 1);
        shared.data = 42;
        consumer.join();
    }
}
