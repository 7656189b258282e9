package com.example;

/** Unsynchronized read-modify-write of {@code total}: a data race when two threads call increment(). */
public class Histogram {
    int total;

    public void increment() {
        total++;
    }
}
