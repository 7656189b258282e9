package dev.guarded.report;

import java.util.List;

/**
 * Recognises the frames of test harnesses (JUnit Platform and engines, Surefire/Failsafe booters, IDE and
 * Gradle launchers) and the reflection glue they call tests through. A "Thread … was started at" stack under
 * a test runner is mostly such frames; the text and HTML reports cut them, the JSON report keeps every frame.
 * Stateless and thread-safe.
 */
public final class TestFrameworkFrames {

    /** Class-name prefixes of harness and reflection frames. */
    public static final List<String> PREFIXES = List.of(
            "org.junit.platform.", "org.junit.jupiter.engine.", "org.junit.vintage.", "org.junit.runner.",
            "org.junit.runners.", "org.junit.internal.", "junit.framework.",
            "org.apache.maven.surefire.", "org.apache.maven.plugin.surefire.", "org.apache.maven.shadefire.",
            "com.intellij.rt.", "com.intellij.junit", "org.eclipse.jdt.internal.junit", "org.gradle.", "worker.org.gradle.",
            "jdk.internal.reflect.", "sun.reflect.", "java.lang.reflect.", "java.lang.invoke.");

    private TestFrameworkFrames() {
    }

    /** @return whether the frame belongs to a test harness or to the reflection it invokes tests through */
    public static boolean isTestFramework(Frame frame) {
        for (String prefix : PREFIXES) {
            if (frame.className().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frames a reader wants from a stack (innermost first): everything above the first harness frame.
     * Frames below it (outer frames) are the harness calling the test, with JDK frames such as
     * {@code ArrayList.forEach} interleaved, so the whole tail is cut.
     *
     * @param frames a stack, innermost first
     * @return the inner part of the stack, or the stack itself when it has no harness frame
     */
    public static List<Frame> applicationPart(List<Frame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (isTestFramework(frames.get(i))) {
                return frames.subList(0, i);
            }
        }
        return frames;
    }
}
