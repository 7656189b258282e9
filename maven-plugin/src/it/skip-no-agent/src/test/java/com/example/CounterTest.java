package com.example;

import org.junit.jupiter.api.Test;

class CounterTest {
    @Test
    void twoThreadsIncrement() throws InterruptedException {
        Counter counter = new Counter();
        Runnable work = () -> {
            for (int i = 0; i < 100; i++) {
                counter.increment();
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
