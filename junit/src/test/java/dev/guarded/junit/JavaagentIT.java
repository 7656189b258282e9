package dev.guarded.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.races.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** Runs in a JVM started with {@code -javaagent:guarded-agent.jar} (its own failsafe execution). */
class JavaagentIT {

    @BeforeAll
    static void agentIsAttachedFromTheStart() {
        assertTrue(DynamicAttachIT.agentVisible(), "failsafe's argLine should attach the agent with -javaagent");
    }

    @Test
    void usesTheRunningAgentWithoutAttachingAgain() {
        FixtureRun run = FixtureRun.of(Fixtures.RacyAndClean.class);

        assertFalse(run.stderr.contains("attached the race detector at run time"), run.stderr);
        String message = run.failure("racy");
        assertTrue(message.contains("Counter.value"), message);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.result("clean").getStatus());
    }

    @Test
    void methodLevelAnnotationChecksOnlyThatMethod() {
        FixtureRun run = FixtureRun.of(Fixtures.MethodLevel.class);

        String message = run.failure("annotatedRacy");
        assertTrue(message.contains("example.races.Counter.hits"), message);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.result("plainClean").getStatus());
    }

    @Test
    void raceOutsideAnyTestIsPrintedAndFailsNoTest() {
        FixtureRun run = FixtureRun.of(Fixtures.RaceBeforeAll.class);

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.result("clean").getStatus());
        assertTrue(run.stderr.contains("detected outside any test"), run.stderr);
        assertTrue(run.stderr.contains("example.races.Counter.misses"), run.stderr);
    }
}
