package com.acme.monitor;

import java.util.concurrent.CompletableFuture;

/**
 * {@link RetakenMonitorClean} reading without the monitor: {@code get()} of a future completed before the writer
 * started orders the reader after nothing the writer did, however the writer uses that same object as its monitor.
 * The writer takes the monitor again at once, which lets a detector keep the writer in one epoch across the two
 * blocks; a detector that let the reader learn that epoch through the future would miss the race on the second
 * block's write.
 */
public final class RetakenMonitorRacy {
    static int data;

    public static void main(String[] args) throws Exception {
        CompletableFuture<String> ready = CompletableFuture.completedFuture("go");
        Thread writer = new Thread(() -> {
            synchronized (ready) {
                data = 1;
            }
            synchronized (ready) {
                data = 2;
                pause(600);   // still holding the monitor while the reader looks
            }
        }, "writer");
        writer.start();
        pause(200);
        ready.get();
        System.out.println(data);
        writer.join();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
