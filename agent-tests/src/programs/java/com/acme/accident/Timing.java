package com.acme.accident;

/**
 * The schedule of the "ordered by accident" programs: {@code first} runs to its end, then {@code second} runs.
 * The second thread waits by polling the first's {@link Thread#getState()}, which its javadoc reserves for
 * monitoring ("not for synchronization control") and which orders nothing: in these programs, the only edge
 * between the two threads is the incidental one each program misuses, so the run is free of happens-before
 * races while another schedule (the second thread a little earlier) would race.
 */
final class Timing {

    private Timing() {
    }

    /** Starts both threads, {@code second} once {@code first} has terminated, and waits for both. */
    static void inOrder(Runnable first, Runnable second) throws InterruptedException {
        Thread a = new Thread(first, "first");
        Thread b = new Thread(() -> {
            awaitTerminated(a);
            second.run();
        }, "second");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private static void awaitTerminated(Thread thread) {
        while (thread.getState() != Thread.State.TERMINATED) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
