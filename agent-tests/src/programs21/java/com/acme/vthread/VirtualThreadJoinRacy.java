package com.acme.vthread;

/** {@link VirtualThreadJoinClean} reading {@code output} before the join (after a sleep). */
public final class VirtualThreadJoinRacy {
    static int input;
    static int output;

    public static void main(String[] args) throws Exception {
        input = 21;
        Thread v = Thread.ofVirtual().name("virtual-worker").start(() -> output = input * 2);
        Thread.sleep(50);
        int seen = output;
        v.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
