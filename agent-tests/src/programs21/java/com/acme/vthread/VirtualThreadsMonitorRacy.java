package com.acme.vthread;

import java.util.ArrayList;
import java.util.List;

/** {@link VirtualThreadsMonitorClean} without the {@code synchronized} block. */
public final class VirtualThreadsMonitorRacy {
    static int counter;

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int k = 0; k < 10; k++) {
                    counter++;
                    Thread.yield();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
