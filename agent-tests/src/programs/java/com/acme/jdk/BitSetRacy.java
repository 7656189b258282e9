package com.acme.jdk;

import java.util.BitSet;

/** Two threads set bits of one {@code BitSet}: {@code set} vs {@code set}, bits may be lost. */
public final class BitSetRacy {

    public static void main(String[] args) throws Exception {
        BitSet bits = new BitSet();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i += 2) {
                bits.set(i);
            }
        }, () -> {
            for (int i = 1; i < 1000; i += 2) {
                bits.set(i);
            }
        });
        System.out.println("cardinality " + bits.cardinality() + " (1000 expected)");
    }
}
