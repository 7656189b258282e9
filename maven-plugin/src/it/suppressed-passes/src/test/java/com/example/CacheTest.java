package com.example;

import org.junit.jupiter.api.Test;

class CacheTest {
    @Test
    void twoThreadsIncrement() throws InterruptedException {
        Cache counter = new Cache();
        Runnable work = () -> {
            for (int i = 0; i < 100; i++) {
                counter.touch();
            }
        };
        Thread first = new Thread(work);
        Thread second = new Thread(work);
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
