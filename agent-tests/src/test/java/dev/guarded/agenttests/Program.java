package dev.guarded.agenttests;

/**
 * One program of the suite: a main class run in a forked JVM under the agent.
 *
 * @param construct     the synchronization construct the program exercises (the row of the coverage table)
 * @param mainClass     binary name of the class with {@code main}
 * @param racy          true when the program has a data race the detector must report
 * @param expectedField for racy programs, the report's {@code field} ("com.acme.X.f" or "int[]"); else null
 * @param release       17 when the program is in the release-17 set (runs on JDK 17), 21 when it needs 21+
 */
record Program(String construct, String mainClass, boolean racy, String expectedField, int release) {

    /** @return the simple class name, used as the test's display name */
    String simpleName() {
        return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return simpleName();
    }
}
