package com.acme.thread;

/** Main learns that the writer terminated by polling {@code isAlive()}, then reads its result. */
public final class IsAlivePollingClean {
    static int result;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> result = 42, "writer");
        t.start();
        while (t.isAlive()) {
            Thread.sleep(1);
        }
        if (result != 42) {
            throw new AssertionError("result=" + result);
        }
    }
}
