package dev.guarded.junit;

import dev.guarded.junit.internal.RaceLogAccess;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the race detector when the JUnit Platform launcher opens its session, before any test class is
 * discovered or initialized, so that class initializers and {@code static} state set up before the first
 * {@code @BeforeAll} are watched too. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; JUnit 5.8+ and 6 call it.
 * If the JVM already runs the agent ({@code -javaagent}, e.g. through guarded-maven-plugin) nothing happens;
 * otherwise the agent jar is attached at run time, as {@link GuardedExtension} would do at its first callback.
 * Per-test attribution stays with {@link GuardedExtension}.
 *
 * <p>The system property {@code guarded.attach=false} turns the early attach off (the extension still attaches
 * on first use). A failed attach is printed here and not thrown, so that test runs without {@link DetectRaces}
 * are not broken; {@link DetectRaces} tests then fail with the same message.
 */
public final class GuardedLauncherSessionListener implements LauncherSessionListener {

    /** System property that turns the attach at launcher start off when set to {@code false}. */
    public static final String ATTACH_PROPERTY = "guarded.attach";

    /** Creates the listener; JUnit does this through service loading. */
    public GuardedLauncherSessionListener() {
    }

    /** Attaches the agent unless it runs already or {@code guarded.attach=false}. */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("false".equalsIgnoreCase(System.getProperty(ATTACH_PROPERTY, "").trim())) {
            return;
        }
        try {
            RaceLogAccess.get();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
        }
    }
}
