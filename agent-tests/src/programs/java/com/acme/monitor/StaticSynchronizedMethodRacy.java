package com.acme.monitor;

/**
 * {@link StaticSynchronizedMethodClean} with a second, instance-synchronized method adding to the same static
 * field: {@code static synchronized} locks the class object, {@code synchronized} on an instance locks that
 * instance, so the two methods do not exclude or order each other. A model that confused the two monitors
 * would miss the race.
 */
public final class StaticSynchronizedMethodRacy {
    static long total;

    static synchronized void add(int n) {
        total += n;
    }

    synchronized void addFromInstance(int n) { // locks this instance, not StaticSynchronizedMethodRacy.class
        total += n;
    }

    public static void main(String[] args) throws Exception {
        StaticSynchronizedMethodRacy instance = new StaticSynchronizedMethodRacy();
        Thread a = new Thread(() -> {
            for (int i = 1; i <= 500; i++) {
                add(i);
            }
        }, "worker-a");
        Thread b = new Thread(() -> {
            for (int i = 1; i <= 500; i++) {
                instance.addFromInstance(i);
            }
        }, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
