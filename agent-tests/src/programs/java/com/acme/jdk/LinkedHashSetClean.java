package com.acme.jdk;

import java.util.LinkedHashSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A producer fills a plain {@code LinkedHashSet} and hands it over through a queue; only the consumer uses it after. */
public final class LinkedHashSetClean {

    public static void main(String[] args) throws Exception {
        BlockingQueue<LinkedHashSet<String>> handOff = new LinkedBlockingQueue<>();
        int[] seen = new int[1];
        Workers.runTogether(() -> {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (int i = 0; i < 100; i++) {
                names.add("n" + i);
            }
            handOff.add(names);
        }, () -> {
            try {
                LinkedHashSet<String> names = handOff.take();
                for (String name : names) {
                    seen[0] += name.length();
                }
                names.add("owned now");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (seen[0] != 290) {
            throw new AssertionError("seen " + seen[0]);
        }
    }
}
