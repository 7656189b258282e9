package com.acme.jdk;

import java.util.ArrayDeque;

/** Two threads push onto and pop from one plain {@code ArrayDeque}: {@code push} vs {@code poll}. */
public final class ArrayDequeRacy {

    public static void main(String[] args) throws Exception {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                stack.push(i);
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                stack.push(-i);
                stack.poll();
            }
        });
        System.out.println("left " + stack.size() + " (1000 expected)");
    }
}
