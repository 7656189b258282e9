package com.example;

/** Unsynchronized read-modify-write of {@code value}: a data race when two threads call increment(). */
public class Counter {
    int value;

    public void increment() {
        value++;
    }
}
