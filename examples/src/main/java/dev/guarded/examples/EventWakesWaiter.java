package dev.guarded.examples;

import dev.guarded.sync.AsyncEvent;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The seed's event ({@code ex_4_5}, from the asyncio documentation): a waiter blocks on an
 * {@link AsyncEvent} until the main task sets it a second later.
 *
 * <p>The waiter prints "waiting for it ...", parks in {@link AsyncEvent#await()}, and prints
 * "... got it!" only once main has called {@link AsyncEvent#set()}. Everything main did before {@code set()}
 * (here, printing "main: setting the event") happens-before the waiter's return from {@code await()}, so the
 * lines always come in that order after the waiter's first line.
 */
public final class EventWakesWaiter {

    private EventWakesWaiter() {
    }

    /**
     * Starts the waiter on a virtual thread, sets the event after {@code delay}, and waits for the waiter.
     *
     * @param out   where both tasks print
     * @param delay how long main waits before setting the event; not negative
     * @throws InterruptedException if the calling thread is interrupted while sleeping or joining
     */
    public static void run(PrintStream out, Duration delay) throws InterruptedException {
        AsyncEvent event = new AsyncEvent();
        Thread waiter = Thread.ofVirtual().name("waiter").start(() -> waiter(event, out));
        Thread.sleep(delay);
        out.println("main: setting the event");
        event.set();
        waiter.join();
    }

    private static void waiter(AsyncEvent event, PrintStream out) {
        out.println("waiting for it ...");
        try {
            event.await();
            out.println("... got it!");
        } catch (InterruptedException e) {
            out.println("... interrupted before the event was set");
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the seed's program: the event is set after one second.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        run(System.out, Duration.ofSeconds(1));
    }
}
