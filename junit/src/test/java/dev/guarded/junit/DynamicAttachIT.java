package dev.guarded.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.races.Fixtures;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs in a JVM started without {@code -javaagent} (its own failsafe execution): the launcher session listener
 * must attach the packaged agent before JUnit initializes any test class, and the extension must then fail
 * exactly the racing test.
 */
class DynamicAttachIT {

    /** Whether the agent ran when JUnit initialized this class: before any extension callback of any class. */
    private static final boolean AGENT_AT_CLASS_INITIALIZATION = agentVisible();

    @Test
    void theLauncherAttachedTheAgentBeforeAnyTestClassWasInitialized() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().noneMatch(a -> a.startsWith("-javaagent")),
                "this JVM must start without -javaagent for the test to mean anything");
        assertTrue(AGENT_AT_CLASS_INITIALIZATION,
                "GuardedLauncherSessionListener should attach the agent when the launcher session opens");
    }

    @Test
    void failsOnlyTheRacingTestWithOneLinePerRace() {
        FixtureRun run = FixtureRun.of(Fixtures.RacyAndClean.class);

        String message = run.failure("racy");
        assertTrue(message.startsWith("race detected during execution of test racy(): 1 data race"), message);
        // Which of the two increments is "previous" depends on the schedule; both sites are the same line.
        assertTrue(message.matches("(?s).*\\n  data race on field example\\.races\\.Counter\\.value: (read|write) at "
                + "example\\.races\\.Counter\\.increment\\(Counter\\.java:\\d+\\), previous (read|write) at "
                + "example\\.races\\.Counter\\.increment\\(Counter\\.java:\\d+\\)\\R.*"), message);
        assertTrue(message.lines().noneMatch(l -> l.contains("was started at") || l.startsWith("WARNING")),
                "the stacks are printed once, by the agent, not repeated in the message: " + message);
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
