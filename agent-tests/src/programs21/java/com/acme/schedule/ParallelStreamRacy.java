package com.acme.schedule;

import java.util.stream.IntStream;

/** A parallel stream's {@code forEach} adds to the iteration's static from every chunk. */
public final class ParallelStreamRacy {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            IntStream.range(0, 64).parallel().forEach(x -> Slots.increment(slot));
        }
    }
}
