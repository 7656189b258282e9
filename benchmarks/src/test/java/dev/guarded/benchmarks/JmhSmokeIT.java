package dev.guarded.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Smoke pass over the packaged JMH jar: every benchmark runs one short iteration and yields a score.
 * Measures nothing; it only keeps the benchmarks from rotting.
 */
class JmhSmokeIT {

    private static final Pattern BENCHMARK = Pattern.compile("\"benchmark\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SCORE = Pattern.compile("\"score\"\\s*:\\s*([0-9.eE+-]+|\"NaN\")");

    @Test
    void everyBenchmarkRunsOnceInProcess() throws Exception {
        Path jar = ChildJava.benchmarksJar();
        ChildJava.Result listing = ChildJava.run(60, List.of("-jar", jar.toString(), "-l"));
        assertEquals(0, listing.exit(), listing.output());
        Set<String> listed = new TreeSet<>();
        for (String line : listing.output().lines().toList()) {
            if (line.trim().startsWith("dev.guarded.benchmarks.")) {
                listed.add(line.trim());
            }
        }
        assertTrue(listed.size() >= 10, "expected the benchmark list, got: " + listing.output());

        Path json = Files.createTempFile("jmh-smoke", ".json");
        // In-process (-f 0) so every parameter combination fits in a few seconds; smaller batch sizes.
        ChildJava.Result run = ChildJava.run(240, List.of("-Xmx2g", "-jar", jar.toString(),
                "dev.guarded.benchmarks.jmh", "-f", "0", "-wi", "0", "-i", "1", "-w", "100ms", "-r", "100ms",
                "-foe", "true", "-p", "vthreads=200", "-p", "waiters=2000",
                "-rf", "json", "-rff", json.toString()));
        assertEquals(0, run.exit(), run.output());
        String results = Files.readString(json);
        Files.deleteIfExists(json);

        Set<String> ran = new TreeSet<>();
        Matcher benchmark = BENCHMARK.matcher(results);
        while (benchmark.find()) {
            ran.add(benchmark.group(1));
        }
        assertEquals(listed, ran, "every listed benchmark must have produced a result");
        Matcher score = SCORE.matcher(results);
        int scores = 0;
        while (score.find()) {
            assertFalse(score.group(1).contains("NaN"), "a benchmark produced no score:\n" + results);
            scores++;
        }
        assertTrue(scores >= ran.size(), "expected a score per result, got " + scores);
    }

    @Test
    void aForkedRunWorksFromTheJar() throws Exception {
        Path jar = ChildJava.benchmarksJar();
        ChildJava.Result run = ChildJava.run(120, List.of("-jar", jar.toString(),
                "UncontendedBenchmark.guardedLockAsync", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("UncontendedBenchmark.guardedLockAsync"), run.output());
        assertTrue(run.output().contains("ns/op"), run.output());
    }
}
