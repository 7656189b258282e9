package com.acme.jdk;

import java.util.ArrayList;
import java.util.List;

/** Four virtual threads append to one {@code StringBuilder}: {@code append} vs {@code append}, text may be lost. */
public final class StringBuilderRacy {

    public static void main(String[] args) throws Exception {
        StringBuilder log = new StringBuilder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 250; i++) {
                        log.append(id).append(',');
                    }
                } catch (RuntimeException corrupted) {
                    // the race's symptom: a capacity grown by another thread half way
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("length " + log.length() + " (2000 expected)");
    }
}
