package com.acme.thread;

/** A thread writes {@code result}; main reads it after {@code join()}. */
public final class ThreadJoinClean {
    static int result;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> result = 42, "writer");
        t.start();
        t.join();
        if (result != 42) {
            throw new AssertionError("result=" + result);
        }
    }
}
