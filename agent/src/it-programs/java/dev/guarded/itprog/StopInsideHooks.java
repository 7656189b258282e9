package dev.guarded.itprog;

/**
 * Threads that spend nearly all their time inside the detector's hooks (field accesses, monitor enter and
 * exit) are stopped with {@code Thread.stop()} (JDK 17; later JDKs refuse it). A hook that swallowed the
 * {@code ThreadDeath} would leave the thread running. Prints {@code alive=<threads still running>}.
 */
public final class StopInsideHooks {

    static long counter;

    private StopInsideHooks() {
    }

    @SuppressWarnings({"deprecation", "removal"})
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = new Thread(() -> {
                Object lock = new Object();
                while (true) {
                    synchronized (lock) {
                        counter++;
                    }
                }
            }, "spinner-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        Thread.sleep(300);
        for (Thread t : threads) {
            t.stop();
        }
        int alive = 0;
        for (Thread t : threads) {
            t.join(5_000);
            if (t.isAlive()) {
                alive++;
            }
        }
        System.out.println("alive=" + alive);
    }
}
