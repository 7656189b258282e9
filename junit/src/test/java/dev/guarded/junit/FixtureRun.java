package dev.guarded.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.engine.TestExecutionResult;

/** Runs one fixture class on the Jupiter engine and keeps its events and what it printed to standard error. */
final class FixtureRun {

    final Events tests;
    final String stderr;

    private FixtureRun(Events tests, String stderr) {
        this.tests = tests;
        this.stderr = stderr;
    }

    static FixtureRun of(Class<?> fixture) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Events tests;
        try {
            tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return new FixtureRun(tests, text);
    }

    /** @return the result of the test whose method is {@code method}; fails if it did not finish */
    TestExecutionResult result(String method) {
        Optional<Event> finished = tests.filter(e -> e.getType() == EventType.FINISHED
                && e.getTestDescriptor().getDisplayName().equals(method + "()")).findFirst();
        return finished.orElseThrow(() -> new AssertionError("no finished test " + method + "() in " + tests.list()))
                .getRequiredPayload(TestExecutionResult.class);
    }

    /** @return the failure message of {@code method}; fails if it did not fail */
    String failure(String method) {
        TestExecutionResult result = result(method);
        if (result.getStatus() != TestExecutionResult.Status.FAILED) {
            throw new AssertionError(method + "() should have failed but was " + result);
        }
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }
}
