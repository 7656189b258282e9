package com.acme.jdk;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/** {@link ArrayDequeRacy} with every call under one {@code ReentrantLock}. */
public final class ArrayDequeClean {

    public static void main(String[] args) throws Exception {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        ReentrantLock lock = new ReentrantLock();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                lock.lock();
                try {
                    stack.push(i);
                } finally {
                    lock.unlock();
                }
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                lock.lock();
                try {
                    stack.push(-i);
                    stack.poll();
                } finally {
                    lock.unlock();
                }
            }
        });
        if (stack.size() != 1000) {
            throw new AssertionError("left " + stack.size());
        }
    }
}
