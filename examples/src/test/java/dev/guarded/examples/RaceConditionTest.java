package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RaceConditionTest {

    @Test
    void virtualThreadsLoseIncrements() throws InterruptedException {
        int value = RaceCondition.run(RaceCondition.TASKS, RaceCondition.DELAY);
        // 10,000 threads all start within far less than the 20 ms each spends between read and write.
        assertTrue(value >= 1 && value < RaceCondition.TASKS, "expected lost updates, got value=" + value);
    }

    @Test
    void eventLoopEndsWithOneExactlyLikeTheSeed() {
        assertEquals(1, RaceConditionAsync.run(RaceCondition.TASKS, RaceCondition.DELAY));
    }

    @Test
    void eventLoopLosesNothingWhenTasksDoNotInterleave() {
        // A single task has nobody to race with: the loss above comes from interleaving, not arithmetic.
        assertEquals(1, RaceConditionAsync.run(1, Duration.ZERO));
    }

    @Test
    void rejectsANonPositiveTaskCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RaceCondition.run(0, Duration.ZERO));
        assertEquals("tasks must be at least 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RaceConditionAsync.run(-1, Duration.ZERO));
    }
}
