package com.acme.accident;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** Per-page hit counts merged into a {@code ConcurrentHashMap}, and a plain {@code counter} updated beside them. */
public final class ConcurrentMapMergeRacy {
    static final ConcurrentHashMap<String, Integer> HITS = new ConcurrentHashMap<>();
    /**
     * Made once by main: linking a method reference inside a thread would go through the JDK's own interning
     * maps, a hand-off of its own between the threads that link.
     */
    static final BiFunction<Integer, Integer, Integer> SUM = Integer::sum;
    static int counter;

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            HITS.merge("/index", 1, SUM);
        }, () -> {
            HITS.merge("/index", 1, SUM);
            counter++;
        });
    }
}
