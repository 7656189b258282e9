package com.acme.init;

/**
 * Two threads race to first use a class whose static initializer writes a (non-final) static field: the
 * JVM's initialization lock orders the initializer before every use, so the reads are clean.
 */
public final class StaticInitClean {
    static final class Config {
        static int port;

        static {
            try {
                Thread.sleep(20); // keep the other thread waiting on the initialization lock
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            port = 8080;
        }

        private Config() {
        }
    }

    static int seenA;
    static int seenB;

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> seenA = Config.port, "reader-a");
        Thread b = new Thread(() -> seenB = Config.port, "reader-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (seenA != 8080 || seenB != 8080) {
            throw new AssertionError(seenA + "," + seenB);
        }
    }
}
