package com.acme.accident;

/**
 * The second thread sleeps until the first is done ({@link Timing}) instead of joining it, and both log
 * through a synchronized logger: the logger's monitor, not the program, orders the two increments of
 * {@code counter}. (Main initializes the logger class first: a class's initialization is a hand-off.)
 */
public final class SleepOrderedRacy {
    static int counter;

    public static void main(String[] args) throws Exception {
        Logger.log("main starts");
        Timing.inOrder(() -> {
            counter++;
            Logger.log("first done");
        }, () -> {
            Logger.log("second starts");
            counter++;
        });
    }

    /** A logger whose lock guards its own buffer only. */
    static final class Logger {
        private static final StringBuilder BUFFER = new StringBuilder();

        static synchronized void log(String line) {
            BUFFER.append(line).append('\n');
        }
    }
}
