package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps examples/run-example, the example classes and examples/README.md in step. */
class LauncherTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Pattern MAPPING = Pattern.compile("^\\s+([a-z-]+)\\)\\s+echo (\\w+) ;;$", Pattern.MULTILINE);

    private static Map<String, String> mappings() throws IOException {
        Matcher m = MAPPING.matcher(Files.readString(MODULE.resolve("run-example")));
        Map<String, String> names = new LinkedHashMap<>();
        while (m.find()) {
            names.put(m.group(1), m.group(2));
        }
        return names;
    }

    @Test
    void everyNameMapsToAnExampleWithAMain() throws Exception {
        Map<String, String> names = mappings();
        assertTrue(names.size() >= 10, "too few examples found in run-example: " + names);
        for (Map.Entry<String, String> e : names.entrySet()) {
            Method main = Class.forName("dev.guarded.examples." + e.getValue()).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), e.getKey() + " -> " + e.getValue());
        }
    }

    @Test
    void theUsageListAndTheReadmeNameEveryExample() throws IOException {
        String script = Files.readString(MODULE.resolve("run-example"));
        Matcher listed = Pattern.compile("^examples=\"([^\"]+)\"$", Pattern.MULTILINE).matcher(script);
        assertTrue(listed.find(), "run-example has no examples=\"...\" list");
        assertEquals(List.copyOf(mappings().keySet()), List.of(listed.group(1).split(" ")));

        String readme = Files.readString(MODULE.resolve("README.md"));
        for (String name : mappings().keySet()) {
            assertTrue(readme.contains("examples/run-example " + name + "`"), "README lacks the plain command for " + name);
            assertTrue(readme.contains("examples/run-example " + name + " --detect`"), "README lacks the --detect command for " + name);
        }
        assertFalse(script.contains("\r"), "run-example must have Unix line endings");
    }

    @Test
    void anUnknownExampleIsRejectedWithTheListOfNames() throws Exception {
        Process launcher = new ProcessBuilder(MODULE.resolve("run-example").toString(), "no-such-example")
                .redirectErrorStream(true).start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, launcher.waitFor(), output);
        assertTrue(output.contains("unknown example 'no-such-example'"), output);
        assertTrue(output.contains("race-condition, race-condition-async, lock"), output);
    }

    @Test
    void theLauncherIsExecutable() {
        assertTrue(Files.isExecutable(MODULE.resolve("run-example")), "examples/run-example lost its executable bit");
    }
}
