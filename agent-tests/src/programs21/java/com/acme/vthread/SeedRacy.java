package com.acme.vthread;

import java.util.ArrayList;
import java.util.List;

/** The seed scenario: 10,000 virtual threads each read {@code value}, sleep 10 ms, write {@code value + 1}. */
public final class SeedRacy {
    static int value;

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                int tmp = value;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                value = tmp + 1;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("value=" + value + " (10000 without the race)");
    }
}
