package com.acme.jdk;

import java.util.LinkedHashSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@link LinkedHashSetClean} with the producer still adding after it handed the set over: the consumer's
 * iteration races with the late {@code add}.
 */
public final class LinkedHashSetRacy {

    public static void main(String[] args) throws Exception {
        BlockingQueue<LinkedHashSet<String>> handOff = new LinkedBlockingQueue<>();
        int[] seen = new int[1];
        Workers.runTogether(() -> {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (int i = 0; i < 100; i++) {
                names.add("n" + i);
            }
            handOff.add(names);
            names.add("late");
        }, () -> {
            try {
                for (String name : handOff.take()) {
                    seen[0] += name.length();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.println("seen " + seen[0]);
    }
}
