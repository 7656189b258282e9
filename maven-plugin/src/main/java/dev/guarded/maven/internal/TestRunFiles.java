package dev.guarded.maven.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one module's test run: the per-JVM race reports the agent writes and the test result files
 * surefire and failsafe write (used to tell "no races" from "the agent never ran").
 */
public final class TestRunFiles {

    /** Per-JVM report names are {@code races-<pid>.json}. */
    public static final String PREFIX = "races-";
    /** Suffix of per-JVM report names. */
    public static final String SUFFIX = ".json";

    private static final Pattern TESTS_ATTRIBUTE = Pattern.compile("<testsuite\\b[^>]*?\\btests=\"(\\d+)\"");

    private TestRunFiles() {
    }

    /**
     * @param directory the report directory (may not exist)
     * @return the per-JVM JSON reports in it, sorted by name
     */
    public static List<File> reports(File directory) {
        File[] files = directory.listFiles((dir, name) -> name.startsWith(PREFIX) && name.endsWith(SUFFIX));
        if (files == null) {
            return List.of();
        }
        Arrays.sort(files);
        return List.of(files);
    }

    /**
     * Deletes the per-JVM reports of an earlier run.
     *
     * @param directory the report directory (may not exist)
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteReports(File directory) throws IOException {
        for (File file : reports(directory)) {
            Files.delete(file.toPath());
        }
    }

    /**
     * Counts the tests surefire and failsafe recorded in their XML result files.
     *
     * @param buildDirectory the module's {@code target} directory
     * @return the number of tests run (0 when no result file exists)
     * @throws IOException if a result file cannot be read
     */
    public static int testsRun(File buildDirectory) throws IOException {
        int total = 0;
        for (String folder : List.of("surefire-reports", "failsafe-reports")) {
            File[] results = new File(buildDirectory, folder).listFiles((dir, name) -> name.startsWith("TEST-") && name.endsWith(".xml"));
            for (File result : results == null ? new File[0] : results) {
                total += testsIn(result);
            }
        }
        return total;
    }

    private static int testsIn(File result) throws IOException {
        // The count is an attribute of the root element, so the head of the file suffices.
        byte[] head = new byte[8192];
        int length;
        try (InputStream in = Files.newInputStream(result.toPath())) {
            length = in.readNBytes(head, 0, head.length);
        }
        Matcher matcher = TESTS_ATTRIBUTE.matcher(new String(head, 0, length, StandardCharsets.UTF_8));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /**
     * @param files files to list
     * @return their names, for log messages
     */
    public static List<String> names(List<File> files) {
        List<String> names = new ArrayList<>();
        for (File file : files) {
            names.add(file.getName());
        }
        return names;
    }
}
