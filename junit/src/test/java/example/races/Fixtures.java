package example.races;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guarded.junit.DetectRaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Test classes run through the JUnit Platform test kit by the extension's ITs (never directly: surefire and
 * failsafe skip nested classes). Lives outside {@code dev.guarded.junit}, which the agent never instruments.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** One racing test and one clean test under a class-level annotation. */
    @DetectRaces
    public static class RacyAndClean {

        @Test
        void racy() throws InterruptedException {
            Counter counter = new Counter();
            Counter.inTwoThreads(() -> {
                for (int i = 0; i < 100; i++) {
                    counter.increment();
                }
            });
        }

        @Test
        void clean() throws InterruptedException {
            Counter counter = new Counter();
            Counter.inTwoThreads(() -> {
                for (int i = 0; i < 100; i++) {
                    counter.incrementSafely();
                }
            });
            assertEquals(200, counter.guardedValue());
        }
    }

    /** Only the annotated method is checked. */
    public static class MethodLevel {

        @Test
        @DetectRaces
        void annotatedRacy() throws InterruptedException {
            Counter counter = new Counter();
            Counter.inTwoThreads(counter::hit);
        }

        @Test
        void plainClean() {
            assertEquals(1, 1 + 0);
        }
    }

    /** A race in {@code @BeforeAll} belongs to no test: it is printed, and the tests pass. */
    @DetectRaces
    public static class RaceBeforeAll {

        @BeforeAll
        static void raceOnce() throws InterruptedException {
            Counter counter = new Counter();
            Counter.inTwoThreads(counter::miss);
        }

        @Test
        void clean() {
            assertEquals(2, 1 + 1);
        }
    }
}
