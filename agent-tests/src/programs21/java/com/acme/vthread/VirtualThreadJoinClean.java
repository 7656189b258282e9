package com.acme.vthread;

/** Main writes {@code input} before starting a virtual thread, which writes {@code output}; main joins. */
public final class VirtualThreadJoinClean {
    static int input;
    static int output;

    public static void main(String[] args) throws Exception {
        input = 21;
        Thread v = Thread.ofVirtual().name("virtual-worker").start(() -> output = input * 2);
        v.join();
        if (output != 42) {
            throw new AssertionError("output=" + output);
        }
    }
}
