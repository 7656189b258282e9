package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guarded.junit.DetectRaces;
import org.junit.jupiter.api.Test;

@DetectRaces
class CounterTest {
    @Test
    void racyIncrement() throws InterruptedException {
        Counter counter = new Counter();
        Thread first = new Thread(counter::increment);
        Thread second = new Thread(counter::increment);
        first.start();
        second.start();
        first.join();
        second.join();
    }

    @Test
    void cleanArithmetic() {
        assertEquals(4, 2 + 2);
    }
}
