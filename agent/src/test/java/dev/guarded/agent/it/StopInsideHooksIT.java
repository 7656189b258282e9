package dev.guarded.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code Thread.stop()} delivered while the stopped thread is inside a hook must stop it: the hooks never
 * swallow {@code ThreadDeath}. Needs JDK 17 ({@code guarded.jdk17.home}); JDK 20+ refuse {@code Thread.stop}
 * (there, {@code FatalErrorsTest} injects the throwable inside a hook instead).
 */
class StopInsideHooksIT {

    @Test
    void stoppedThreadsStopUnderTheAgent() throws Exception {
        String jdk17 = System.getProperty("guarded.jdk17.home");
        assumeTrue(jdk17 != null && !jdk17.isBlank(), "guarded.jdk17.home (GUARDED_JDK17_HOME) is not set");
        for (int run = 0; run < 3; run++) {
            Result result = ForkedJvm.program("dev.guarded.itprog.StopInsideHooks").javaHome(jdk17).args("8").run();
            assertEquals(0, result.exitCode(), result::describe);
            assertTrue(result.stdout().contains("alive=0"), result::describe);
            assertFalse(result.stderr().contains("internal error"), result::describe);
        }
    }
}
