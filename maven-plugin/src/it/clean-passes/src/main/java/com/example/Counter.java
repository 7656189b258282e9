package com.example;

/** Increments under the counter's monitor: no race. */
public class Counter {
    private int value;

    public synchronized void increment() {
        value++;
    }

    public synchronized int value() {
        return value;
    }
}
