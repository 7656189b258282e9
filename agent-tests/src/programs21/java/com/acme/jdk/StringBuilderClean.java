package com.acme.jdk;

import java.util.ArrayList;
import java.util.List;

/** {@link StringBuilderRacy} with the thread-safe {@code StringBuffer}. */
public final class StringBuilderClean {

    public static void main(String[] args) throws Exception {
        StringBuffer log = new StringBuffer();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 250; i++) {
                    log.append(id).append(',');
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (log.length() != 2000) {
            throw new AssertionError("length " + log.length());
        }
    }
}
