package dev.guarded.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The JDK model, checked independently of the detector: {@code ModelProbe} installs a recording listener and
 * prints one {@code ok}/{@code missing} line per construct (the expected release/acquire on the right key), and
 * one per JDK class that must have gained its sync slot when it loaded.
 */
class JdkModelIT {

    /** Constructs checked on every JDK; JDK 21 and later add one, a virtual thread's exit. */
    private static final int CONSTRUCTS = 20;
    /** The probe reads the locks' {@code sync} reflectively: holds and lock clocks are keyed by it. */
    private static final String OPENS = "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED";

    @Test
    void everyModelledConstructEmitsItsEventsOnThisJdk() throws Exception {
        assertAllOk(ForkedJvm.program("dev.guarded.itprog.ModelProbe").withoutReport().jvmArgs(OPENS)
                .agentOptions("quiet,exclude=dev.guarded.itprog.**").run(),
                CONSTRUCTS + (Runtime.version().feature() >= 21 ? 1 : 0));
    }

    @Test
    void everyModelledConstructEmitsItsEventsOnJdk17() throws Exception {
        String jdk17 = System.getProperty("guarded.jdk17.home", "");
        Assumptions.assumeFalse(jdk17.isBlank() || jdk17.startsWith("${"),
                "no JDK 17 given (GUARDED_JDK17_HOME / -Dguarded.jdk17.home): JDK 17 run skipped");
        assertAllOk(ForkedJvm.program("dev.guarded.itprog.ModelProbe").withoutReport().jvmArgs(OPENS).javaHome(jdk17)
                .agentOptions("quiet,exclude=dev.guarded.itprog.**").run(), CONSTRUCTS);
    }

    private static void assertAllOk(Result run, int constructs) {
        assertEquals(0, run.exitCode(), run::describe);
        List<String> lines = run.stdout().lines().toList();
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("missing") || l.startsWith("unexpected")),
                run::describe);
        assertEquals(constructs, lines.stream().filter(l -> l.startsWith("ok ")).count(), run::describe);
        assertFalse(run.stderr().contains("could not model"), run::describe);
    }
}
