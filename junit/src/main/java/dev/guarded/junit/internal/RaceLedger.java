package dev.guarded.junit.internal;

import java.util.List;

/**
 * Splits the JVM's single race log into test windows. Every race index below {@code settled} has been either
 * charged to a test or printed as happening outside any test, so each race is shown exactly once.
 */
public final class RaceLedger {

    /** The ledger of this JVM (the race log is JVM-wide too). */
    public static final RaceLedger INSTANCE = new RaceLedger();

    private int settled;

    private RaceLedger() {
    }

    /**
     * Prints races not yet charged to a test, then opens a window at the end of the log.
     *
     * @param log   the race log
     * @param where describes the moment, for the printed header
     * @return the window's first race index
     */
    public synchronized int openWindow(RaceLogAccess log, String where) {
        reportOutsideTests(log, where);
        return settled;
    }

    /**
     * Closes a window, charging every race since {@code start} to it.
     *
     * @param log   the race log
     * @param start the index {@link #openWindow} returned
     * @return the text of each race in the window, oldest first
     */
    public synchronized List<String> closeWindow(RaceLogAccess log, int start) {
        List<String> races = log.describeSince(start);
        settled = Math.max(settled, start + races.size());
        return races;
    }

    /**
     * Prints the races detected since the last window or report to standard error.
     *
     * @param log   the race log
     * @param where describes the moment, for the printed header
     */
    public synchronized void reportOutsideTests(RaceLogAccess log, String where) {
        List<String> races = log.describeSince(settled);
        if (races.isEmpty()) {
            return;
        }
        settled += races.size();
        StringBuilder text = new StringBuilder("guarded: ").append(races.size())
                .append(races.size() == 1 ? " data race" : " data races").append(" detected outside any test (").append(where).append("):");
        for (String race : races) {
            text.append(System.lineSeparator()).append(race);
        }
        System.err.println(text);
    }

    /**
     * @param test  the test's display name
     * @param races the race texts
     * @return the failure message for a test that raced
     */
    public static String failureMessage(String test, List<String> races) {
        StringBuilder text = new StringBuilder("race detected during execution of test ").append(test).append(": ")
                .append(races.size()).append(races.size() == 1 ? " data race" : " data races");
        for (String race : races) {
            text.append(System.lineSeparator()).append(race);
        }
        return text.toString();
    }
}
