package dev.guarded.agent.hook;

import java.util.ArrayList;
import java.util.List;

/**
 * The races this JVM's detector reported so far, as text, for tools that run inside the same JVM (the JUnit
 * extension reads it reflectively through the bootstrap loader). Lives on the bootstrap class path and
 * depends on nothing but {@code java.base}. Only unsuppressed races are recorded.
 *
 * <p>Thread-safe: every method is synchronized on the class, so a {@link #record} happens-before any later
 * {@link #count} or {@link #describeSince} that observes it.
 */
public final class RaceLog {

    private static final List<String> RACES = new ArrayList<>();

    private RaceLog() {
    }

    /**
     * Appends one race (called by the detector).
     *
     * @param description the race's text report; it names the field
     */
    public static synchronized void record(String description) {
        RACES.add(description == null ? "" : description);
    }

    /** @return the number of unsuppressed races recorded so far */
    public static synchronized int count() {
        return RACES.size();
    }

    /**
     * The descriptions of races with index {@code >= index}, in the order recorded; e.g. a test extension
     * remembers {@link #count()} before a test and asks for everything since after it.
     *
     * @param index first index wanted; negative is treated as 0, beyond the end gives an empty array
     */
    public static synchronized String[] describeSince(int index) {
        int from = Math.max(0, Math.min(index, RACES.size()));
        return RACES.subList(from, RACES.size()).toArray(new String[0]);
    }
}
