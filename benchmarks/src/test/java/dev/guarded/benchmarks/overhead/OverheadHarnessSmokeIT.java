package dev.guarded.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.benchmarks.ChildJava;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Smoke pass of the overhead harness with tiny sizes: every workload and the scale run must produce an
 * "ok" row. Under the agent when its shaded jar has been built; plain only (said in the output) otherwise.
 */
class OverheadHarnessSmokeIT {

    @Test
    void everyWorkloadProducesARow() throws Exception {
        Path jar = ChildJava.benchmarksJar();
        Path agent = Path.of(System.getProperty("guarded.agent.jar", "../agent/target/guarded-agent.jar"));
        boolean withAgent = Files.isRegularFile(agent);
        List<String> command = new ArrayList<>(List.of(
                "-cp", jar.toString(), OverheadHarness.class.getName(), "--smoke", "--timeout", "120"));
        command.addAll(withAgent ? List.of("--agent", agent.toString()) : List.of("--plain-only"));
        if (!withAgent) {
            System.out.println("OverheadHarnessSmokeIT: no agent jar at " + agent + ", plain runs only");
        }
        ChildJava.Result run = ChildJava.run(600, command);
        String output = run.output();
        assertEquals(0, run.exit(), output);

        List<WorkloadSpec> expected = new ArrayList<>(WorkloadSpec.ALL);
        expected.add(WorkloadSpec.SCALE);
        for (WorkloadSpec spec : expected) {
            String row = output.lines().filter(line -> line.startsWith(spec.row() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + spec.row() + " in:\n" + output));
            assertTrue(row.endsWith(" ok"), "row not ok: " + row);
            if (withAgent) {
                assertTrue(row.matches(".*\\s\\d+\\.\\d\\d\\s.*"), "no ratio in row: " + row);
            }
        }
        if (withAgent) {
            assertTrue(output.contains("geometric mean (" + WorkloadSpec.ALL.size() + ")"), output);
        }
    }
}
