package com.acme.vthread;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link VirtualThreadsMonitorClean} with each virtual thread synchronizing on itself
 * ({@code synchronized (Thread.currentThread())}) instead of one shared monitor: a hundred different monitors
 * order nothing between the threads. A model that gave all monitors, or all of a carrier's virtual threads,
 * one clock would miss the race.
 */
public final class VirtualThreadsMonitorRacy {
    static int counter;

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int k = 0; k < 10; k++) {
                    synchronized (Thread.currentThread()) { // a different monitor in every thread
                        counter++;
                    }
                    Thread.yield();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
