package com.acme.schedule;

/** A virtual thread sleeps, then reads; its parent writes right after start(), then joins. */
public final class VirtualThreadSleepRacy {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Thread reader = Thread.ofVirtual().start(() -> {
                Slots.pause(20);
                Slots.get(slot);
            });
            Slots.set(slot, 8);
            reader.join();
        }
    }
}
