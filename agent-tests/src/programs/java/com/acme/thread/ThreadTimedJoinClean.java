package com.acme.thread;

/** A thread writes {@code result}; main reads it after a timed {@code join(millis)} that saw termination. */
public final class ThreadTimedJoinClean {
    static int result;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            result = 42;
        }, "writer");
        t.start();
        t.join(30_000);
        if (t.isAlive()) {
            throw new AssertionError("writer still alive after 30 s");
        }
        if (result != 42) {
            throw new AssertionError("result=" + result);
        }
    }
}
