package com.acme.vthread;

import java.util.ArrayList;
import java.util.List;

/** 100 virtual threads increment a counter inside {@code synchronized} blocks. */
public final class VirtualThreadsMonitorClean {
    static final Object LOCK = new Object();
    static int counter;

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int k = 0; k < 10; k++) {
                    synchronized (LOCK) {
                        counter++;
                    }
                    Thread.yield();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (counter != 1000) {
            throw new AssertionError("counter=" + counter);
        }
    }
}
