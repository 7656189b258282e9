package com.acme.atomic;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * {@link FieldUpdaterClean} with the consumer polling the updater on the wrong object: the producer sets
 * {@code shared}'s state, the consumer reads {@code other}'s, which was set from the start. An updater orders
 * accesses to the same object's field only; a model that keyed updater clocks on the updater or the field
 * name, not the object, would order the read (the consumer polls late) and miss the race.
 */
public final class FieldUpdaterRacy {
    private static final AtomicIntegerFieldUpdater<FieldUpdaterRacy> STATE =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterRacy.class, "state");
    private volatile int state;
    private int data;

    public static void main(String[] args) throws Exception {
        FieldUpdaterRacy shared = new FieldUpdaterRacy();
        FieldUpdaterRacy other = new FieldUpdaterRacy();
        STATE.set(other, 1);
        Thread producer = new Thread(() -> {
            shared.data = 42;
            if (!STATE.compareAndSet(shared, 0, 1)) {
                throw new AssertionError("state changed");
            }
        }, "producer");
        producer.start();
        Thread.sleep(50);
        while (STATE.get(other) != 1) { // the wrong object
            Thread.onSpinWait();
        }
        int seen = shared.data;
        producer.join();
        if (seen != 0 && seen != 42) {
            throw new AssertionError("data=" + seen);
        }
    }
}
