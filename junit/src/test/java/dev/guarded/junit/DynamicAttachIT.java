package dev.guarded.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.races.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs in a JVM started without {@code -javaagent} (its own failsafe execution): the extension must attach the
 * packaged agent itself, say so, and then fail exactly the racing test.
 */
class DynamicAttachIT {

    @Test
    void attachesTheAgentAndFailsOnlyTheRacingTest() throws Exception {
        assertFalse(agentVisible(), "this JVM must start without the agent for the test to mean anything");

        FixtureRun run = FixtureRun.of(Fixtures.RacyAndClean.class);

        assertTrue(agentVisible(), "RaceLog should be on the bootstrap class path after the attach");
        assertTrue(run.stderr.contains("attached the race detector at run time"), run.stderr);
        String message = run.failure("racy");
        assertTrue(message.startsWith("race detected during execution of test racy()"), message);
        assertTrue(message.contains("Counter.value"), message);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.result("clean").getStatus());
        assertEquals(1, run.tests.failed().count());
        assertEquals(1, run.tests.succeeded().count());
    }

    static boolean agentVisible() {
        try {
            Class.forName("dev.guarded.agent.hook.RaceLog", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
