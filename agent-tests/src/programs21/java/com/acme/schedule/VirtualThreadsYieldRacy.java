package com.acme.schedule;

/** Two virtual threads each read, yield and write the iteration's static. */
public final class VirtualThreadsYieldRacy {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Thread a = Thread.ofVirtual().start(() -> Slots.increment(slot));
            Thread b = Thread.ofVirtual().start(() -> Slots.increment(slot));
            a.join();
            b.join();
        }
    }
}
