package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemaphoreLimitsAccessTest {

    private static final String ACCESSING = "Accessing limited resource";
    private static final String FINISHED = "Finished using limited resource";

    @Test
    void neverMoreThanTwoHoldTheResource() {
        Lines printed = new Lines();
        int most = SemaphoreLimitsAccess.run(printed.out(), Duration.ofMillis(100));

        assertTrue(most >= 1 && most <= SemaphoreLimitsAccess.LIMIT, "most concurrent holders: " + most);
        List<String> lines = printed.lines();
        assertEquals(2 * SemaphoreLimitsAccess.TASKS, lines.size(), lines.toString());
        // Each task prints while holding its permit, so at every point of the output the number of tasks
        // that have entered but not yet finished is the number of holders.
        int inside = 0;
        for (String line : lines) {
            switch (line) {
                case ACCESSING -> inside++;
                case FINISHED -> inside--;
                default -> throw new AssertionError("unexpected line: " + line);
            }
            assertTrue(inside >= 0 && inside <= SemaphoreLimitsAccess.LIMIT, "holders " + inside + " in " + lines);
        }
        assertEquals(0, inside);
    }
}
