package com.acme.modes;

import java.util.concurrent.Semaphore;

/**
 * Two threads take turns incrementing {@code counter}, handing the turn over with two semaphores: every
 * access is ordered by happens-before, but no lock protects the field. Clean in mode {@code hb}; reported as
 * {@code unguarded} in mode {@code lockset}, which asks for a common lock; clean in mode {@code hybrid}, for
 * which each turn is a hand-off of the field (a semaphore release acquired by the other thread).
 */
public final class HandoffWithoutLock {
    static final Semaphore PING = new Semaphore(1);
    static final Semaphore PONG = new Semaphore(0);
    static int counter;

    public static void main(String[] args) throws Exception {
        Thread ping = new Thread(() -> turns(PING, PONG), "ping");
        Thread pong = new Thread(() -> turns(PONG, PING), "pong");
        ping.start();
        pong.start();
        ping.join();
        pong.join();
        if (counter != 200) {
            throw new AssertionError("counter=" + counter);
        }
    }

    private static void turns(Semaphore mine, Semaphore theirs) {
        for (int i = 0; i < 100; i++) {
            mine.acquireUninterruptibly();
            counter++;
            theirs.release();
        }
    }
}
