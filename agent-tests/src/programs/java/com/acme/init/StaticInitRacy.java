package com.acme.init;

/**
 * {@link StaticInitClean} without the static initializer: a lazily initialized static with no
 * synchronization, the classic broken singleton. Both threads read {@code instance}; at least one writes it.
 */
public final class StaticInitRacy {
    static final class Config {
        final int port = 8080;
    }

    static Config instance;

    static Config get() {
        if (instance == null) {
            instance = new Config();
        }
        return instance;
    }

    static int seenA;
    static int seenB;

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> seenA = get().port, "reader-a");
        Thread b = new Thread(() -> seenB = get().port, "reader-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
