package com.acme.accident;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** {@code LOG_LOCK} guards the log list, not {@code counter}, which both threads increment after or before it. */
public final class UnrelatedReentrantLockRacy {
    static final ReentrantLock LOG_LOCK = new ReentrantLock();
    static final List<String> LOG = new ArrayList<>(); // guarded by LOG_LOCK
    static int counter; // guarded by nothing

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            log("first done");
        }, () -> {
            log("second starts");
            counter++;
        });
    }

    private static void log(String line) {
        LOG_LOCK.lock();
        try {
            LOG.add(line);
        } finally {
            LOG_LOCK.unlock();
        }
    }
}
