package com.acme.accident;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The read-write lock guards {@code SETTINGS}; {@code counter} is updated beside it, outside the write lock. */
public final class OtherWriteLockRacy {
    static final ReentrantReadWriteLock SETTINGS_LOCK = new ReentrantReadWriteLock();
    static final Map<String, String> SETTINGS = new HashMap<>(); // guarded by SETTINGS_LOCK
    static int counter; // guarded by nothing

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            set("mode", "first");
        }, () -> {
            set("mode", "second");
            counter++;
        });
    }

    private static void set(String key, String value) {
        SETTINGS_LOCK.writeLock().lock();
        try {
            SETTINGS.put(key, value);
        } finally {
            SETTINGS_LOCK.writeLock().unlock();
        }
    }
}
