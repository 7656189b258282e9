package com.acme.accident;

/**
 * {@code counter} is incremented outside {@code synchronized (STATS)}, which guards {@code requests} only. In
 * this run the monitor happens to order the first thread's increment before the second's; a schedule in
 * which the second thread takes the monitor first races.
 */
public final class UnrelatedMonitorRacy {
    static final Object STATS = new Object();
    static int requests; // guarded by STATS
    static int counter; // guarded by nothing

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            synchronized (STATS) {
                requests++;
            }
        }, () -> {
            synchronized (STATS) {
                requests++;
            }
            counter++;
        });
    }
}
