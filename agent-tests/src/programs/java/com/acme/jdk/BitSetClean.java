package com.acme.jdk;

import java.util.BitSet;

/** {@link BitSetRacy} with every {@code set} inside {@code synchronized (bits)}. */
public final class BitSetClean {

    public static void main(String[] args) throws Exception {
        BitSet bits = new BitSet();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i += 2) {
                synchronized (bits) {
                    bits.set(i);
                }
            }
        }, () -> {
            for (int i = 1; i < 1000; i += 2) {
                synchronized (bits) {
                    bits.set(i);
                }
            }
        });
        if (bits.cardinality() != 1000) {
            throw new AssertionError("cardinality " + bits.cardinality());
        }
    }
}
