package com.acme.schedule;

import java.util.stream.IntStream;

/** {@link ParallelStreamRacy} with the chunks reading only; the caller writes the reduced sum. */
public final class ParallelStreamClean {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 1);
            long sum = IntStream.range(0, 64).parallel().mapToLong(x -> Slots.get(slot)).sum();
            Slots.set(slot, sum);
        }
    }
}
