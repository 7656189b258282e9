package com.acme.schedule;

/**
 * The shared locations of the schedule-sensitivity programs: one static field per iteration, so that the
 * race of iteration {@code i} is reported on its own field {@code Slots.s<i>} (the detector reports one race
 * per field and pair of code sites; twenty iterations on one field would show as one report). Every program
 * runs its scenario {@link #ITERATIONS} times in one JVM, iteration {@code i} touching only {@code s<i>}.
 */
public final class Slots {

    /** Iterations per program run: the "20 of 20 runs". */
    public static final int ITERATIONS = 20;

    static long s00;
    static long s01;
    static long s02;
    static long s03;
    static long s04;
    static long s05;
    static long s06;
    static long s07;
    static long s08;
    static long s09;
    static long s10;
    static long s11;
    static long s12;
    static long s13;
    static long s14;
    static long s15;
    static long s16;
    static long s17;
    static long s18;
    static long s19;

    private Slots() {
    }

    /** @return the value of iteration {@code i}'s field */
    public static long get(int i) {
        return switch (i) {
            case 0 -> s00;
            case 1 -> s01;
            case 2 -> s02;
            case 3 -> s03;
            case 4 -> s04;
            case 5 -> s05;
            case 6 -> s06;
            case 7 -> s07;
            case 8 -> s08;
            case 9 -> s09;
            case 10 -> s10;
            case 11 -> s11;
            case 12 -> s12;
            case 13 -> s13;
            case 14 -> s14;
            case 15 -> s15;
            case 16 -> s16;
            case 17 -> s17;
            case 18 -> s18;
            case 19 -> s19;
            default -> throw new IllegalArgumentException("no slot " + i);
        };
    }

    /** Sets iteration {@code i}'s field. */
    public static void set(int i, long value) {
        switch (i) {
            case 0 -> s00 = value;
            case 1 -> s01 = value;
            case 2 -> s02 = value;
            case 3 -> s03 = value;
            case 4 -> s04 = value;
            case 5 -> s05 = value;
            case 6 -> s06 = value;
            case 7 -> s07 = value;
            case 8 -> s08 = value;
            case 9 -> s09 = value;
            case 10 -> s10 = value;
            case 11 -> s11 = value;
            case 12 -> s12 = value;
            case 13 -> s13 = value;
            case 14 -> s14 = value;
            case 15 -> s15 = value;
            case 16 -> s16 = value;
            case 17 -> s17 = value;
            case 18 -> s18 = value;
            case 19 -> s19 = value;
            default -> throw new IllegalArgumentException("no slot " + i);
        }
    }

    /** A read, a yield, then a write of iteration {@code i}'s field: the lost-update shape. */
    public static void increment(int i) {
        long seen = get(i);
        Thread.yield();
        set(i, seen + 1);
    }

    /** Sleeps without throwing: tasks use it to let the other side act first. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
