package dev.guarded.junit;

import dev.guarded.junit.internal.RaceLedger;
import dev.guarded.junit.internal.RaceLogAccess;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit Jupiter extension behind {@link DetectRaces}: opens a window on the agent's race log before each
 * test and fails the test with an {@link AssertionError} naming every race detected inside the window. Races
 * found outside any window (in {@code @BeforeAll}, between tests, in threads that outlived their test) are
 * printed to standard error when the next window opens or the class ends.
 *
 * <p>Thread safety: the extension is stateless; the shared ledger is synchronized. It assumes tests of one JVM
 * run one at a time for exact attribution (see {@link DetectRaces}).
 */
public final class GuardedExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GuardedExtension.class);
    private static final String WINDOW_START = "windowStart";

    /** Creates the extension; JUnit does this through {@link DetectRaces} or service loading. */
    public GuardedExtension() {
    }

    /** Attaches the agent if needed and reports races that happened before this class started. */
    @Override
    public void beforeAll(ExtensionContext context) {
        RaceLedger.INSTANCE.reportOutsideTests(RaceLogAccess.get(), "before " + context.getDisplayName());
    }

    /** Opens the test's window at the current end of the race log. */
    @Override
    public void beforeEach(ExtensionContext context) {
        RaceLogAccess log = RaceLogAccess.get();
        int start = RaceLedger.INSTANCE.openWindow(log, "before " + context.getDisplayName());
        context.getStore(NAMESPACE).put(WINDOW_START, start);
    }

    /** Fails the test if races were detected since its window opened. */
    @Override
    public void afterEach(ExtensionContext context) {
        Integer start = context.getStore(NAMESPACE).remove(WINDOW_START, Integer.class);
        if (start == null) {
            return;
        }
        List<String> races = RaceLedger.INSTANCE.closeWindow(RaceLogAccess.get(), start);
        if (!races.isEmpty()) {
            throw new AssertionError(RaceLedger.failureMessage(context.getDisplayName(), races));
        }
    }

    /** Reports races detected after the class's last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        RaceLedger.INSTANCE.reportOutsideTests(RaceLogAccess.get(), "in " + context.getDisplayName() + " outside its tests");
    }
}
