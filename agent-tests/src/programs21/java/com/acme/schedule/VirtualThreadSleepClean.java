package com.acme.schedule;

/** {@link VirtualThreadSleepRacy} with the write before start() and the next write after join(). */
public final class VirtualThreadSleepClean {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 8);
            Thread reader = Thread.ofVirtual().start(() -> {
                Slots.pause(20);
                Slots.get(slot);
            });
            reader.join();
            Slots.set(slot, 9);
        }
    }
}
