package com.acme.monitor;

import java.util.concurrent.CompletableFuture;

/**
 * A writer takes an object's monitor twice in a row (a detector may keep it in one epoch across both blocks) while
 * the same object is a completed future; the reader waits for the future and then takes the monitor: the monitor,
 * not the future, orders it after both writes.
 */
public final class RetakenMonitorClean {
    static int data;

    public static void main(String[] args) throws Exception {
        CompletableFuture<String> ready = CompletableFuture.completedFuture("go");
        Thread writer = new Thread(() -> {
            synchronized (ready) {
                data = 1;
            }
            synchronized (ready) {
                data = 2;
                RetakenMonitorRacy.pause(600);
            }
        }, "writer");
        writer.start();
        RetakenMonitorRacy.pause(200);
        ready.get();
        synchronized (ready) {
            System.out.println(data);
        }
        writer.join();
    }
}
