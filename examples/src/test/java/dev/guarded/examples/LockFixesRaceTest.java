package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockFixesRaceTest {

    @Test
    void virtualThreadsCountEveryIncrement() throws InterruptedException {
        assertEquals(RaceCondition.TASKS, LockFixesRace.run(RaceCondition.TASKS, Duration.ZERO));
    }

    @Test
    void theLockIsHeldAcrossTheSleeps() throws InterruptedException {
        // With a delay between read and write, only a lock held across both keeps every increment.
        assertEquals(100, LockFixesRace.run(100, Duration.ofMillis(1)));
    }

    @Test
    void eventLoopCountsEveryIncrement() {
        assertEquals(RaceCondition.TASKS, LockFixesRaceAsync.run(RaceCondition.TASKS, Duration.ZERO));
    }

    @Test
    void eventLoopHoldsTheLockAcrossSuspensions() {
        // RaceConditionAsync with the same delay ends at 1; under withLock nothing is lost.
        assertEquals(100, LockFixesRaceAsync.run(100, Duration.ofMillis(1)));
    }
}
