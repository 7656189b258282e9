package dev.guarded.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessOptionsTest {

    @Test
    void defaultsAreThreeRunsQuietAgentAndTheScaleRun(@TempDir Path dir) throws Exception {
        Path agent = Files.createFile(dir.resolve("agent.jar"));
        HarnessOptions options = HarnessOptions.parse(new String[] {"--agent", agent.toString()});
        assertEquals(3, options.runs());
        assertEquals("quiet", options.agentArgs());
        assertEquals(agent.toAbsolutePath(), options.agentJar());
        assertTrue(options.scale());
        assertFalse(options.smoke());
    }

    @Test
    void smokeMeansOnePairUnlessRunsAreGiven() {
        assertEquals(1, HarnessOptions.parse(new String[] {"--smoke", "--plain-only"}).runs());
        assertEquals(5, HarnessOptions.parse(new String[] {"--smoke", "--plain-only", "--runs", "5"}).runs());
    }

    @Test
    void onlySelectsWorkloadsByName() {
        HarnessOptions options = HarnessOptions.parse(new String[] {"--plain-only", "--only", "array,caffeine"});
        List<String> chosen = WorkloadSpec.ALL.stream().filter(options::wants).map(WorkloadSpec::workload).toList();
        assertEquals(List.of("array", "caffeine"), chosen);
        assertFalse(options.wants(WorkloadSpec.SCALE));
        assertNull(options.agentJar());
    }

    @Test
    void badInputIsNamedInTheMessage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--fast"}));
        assertTrue(unknown.getMessage().startsWith("unknown option '--fast'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("--runs N"), unknown.getMessage());

        IllegalArgumentException runs = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--plain-only", "--runs", "0"}));
        assertEquals("--runs must be a positive integer, got '0'", runs.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--plain-only", "--agent-args"}));
        assertTrue(missing.getMessage().startsWith("option --agent-args needs a value"), missing.getMessage());
    }

    @Test
    void sizeOverridesReplaceOneWorkloadsSizesAndAreChecked() {
        HarnessOptions options = HarnessOptions.parse(new String[] {"--plain-only", "--size", "field=10,20"});
        assertEquals(List.of("10", "20"), options.sizesFor(WorkloadSpec.ALL.get(0)));
        assertEquals(WorkloadSpec.ALL.get(1).full(), options.sizesFor(WorkloadSpec.ALL.get(1)));

        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--plain-only", "--size", "fields=10"}));
        assertTrue(name.getMessage().contains("got 'fields=10'"), name.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--plain-only", "--size", "field=10,x"}));
        assertEquals("--size field must be a positive integer, got 'x'", number.getMessage());
    }

    @Test
    void aMissingAgentJarSaysWhereItLookedAndWhatToDo(@TempDir Path dir) {
        Path absent = dir.resolve("nope.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--agent", absent.toString()}));
        assertTrue(e.getMessage().contains(absent.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--plain-only"), e.getMessage());
    }
}
