package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.agent.hook.Hooks;
import dev.guarded.options.AgentOptions;
import dev.guarded.agent.internal.meta.Metadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A fatal or asynchronous throwable that arrives while a hook runs belongs to the program: it must leave the
 * hook (not be printed as an internal error and dropped), and the thread's busy flag must be reset so that
 * the detector keeps watching the thread if the program recovers. The throwable is injected where a hook
 * really runs code it does not control: the report stream, written from inside the hook when a race is found.
 */
class FatalErrorsTest {

    /** Throws the armed throwable from {@code print(String)} (how a race report is written), once. */
    private static final class FailingStream extends PrintStream {
        final ByteArrayOutputStream text;
        volatile Throwable armed;

        FailingStream(ByteArrayOutputStream text) {
            super(text, true, StandardCharsets.UTF_8);
            this.text = text;
        }

        @Override
        public void print(String s) {
            Throwable t = armed;
            if (t != null) {
                armed = null;
                sneakyThrow(t);
            }
            super.print(s);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    private final Metadata meta = new Metadata();
    private final FailingStream err = new FailingStream(new ByteArrayOutputStream());
    private final Detector d = new Detector(AgentOptions.parse(""), meta, err, false, Detector.DEFAULT_REUSE_AFTER);
    private final int field = meta.field("com.acme.Counter", "value", "I", false, false);
    private final int site = meta.site("com.acme.Counter", "increment", "Counter.java", 12);
    /** The second race is at another site: reports are deduplicated by field and pair of sites. */
    private final int laterSite = meta.site("com.acme.Counter", "increment", "Counter.java", 20);

    @Test
    void rethrowIfFatalLetsOnlyFatalThrowablesThrough() {
        assertThrows(StackOverflowError.class, () -> Hooks.rethrowIfFatal(new StackOverflowError()));
        assertThrows(OutOfMemoryError.class, () -> Hooks.rethrowIfFatal(new OutOfMemoryError()));
        assertThrows(InternalError.class, () -> Hooks.rethrowIfFatal(new InternalError()));
        assertThrows(deathClass(), () -> Hooks.rethrowIfFatal(newDeath()));
        Hooks.rethrowIfFatal(new IllegalStateException());
        Hooks.rethrowIfFatal(new NoClassDefFoundError());
    }

    @Test
    void threadDeathInsideAHookStopsTheThread() throws InterruptedException {
        assertFatalLeavesTheHook(newDeath());
    }

    @Test
    void stackOverflowInsideAHookReachesTheProgram() throws InterruptedException {
        assertFatalLeavesTheHook(new StackOverflowError());
    }

    @Test
    void outOfMemoryInsideAHookReachesTheProgram() throws InterruptedException {
        assertFatalLeavesTheHook(new OutOfMemoryError("injected"));
    }

    /** The control: a failure of the detector itself is reported once and dropped; the program runs on. */
    @Test
    void ordinaryFailureIsAnInternalError() throws InterruptedException {
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Object shared = new Object();
        d.write(shared, field, site);
        err.armed = new IllegalStateException("injected");
        Thread other = new Thread(() -> {
            try {
                d.write(shared, field, site);
            } catch (Throwable e) {
                escaped.set(e);
            }
        });
        other.start();
        other.join();
        assertNull(escaped.get());
        assertTrue(err.text.toString(StandardCharsets.UTF_8).contains("internal error"), err.text.toString());
    }

    private void assertFatalLeavesTheHook(Throwable fatal) throws InterruptedException {
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Object first = new Object();
        Object second = new Object();
        d.write(first, field, site);
        d.write(second, field, laterSite);
        err.armed = fatal;
        // A thread never announced knows nothing: its writes race with this thread's.
        Thread other = new Thread(() -> {
            try {
                d.write(first, field, site);
            } catch (Throwable e) {
                escaped.set(e);
            }
            // The program caught it and goes on: the detector must still watch this thread.
            d.write(second, field, laterSite);
        });
        other.start();
        other.join();
        assertTrue(escaped.get() == fatal, "the hook swallowed " + fatal + "; escaped: " + escaped.get());
        String text = err.text.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("internal error"), text);
        assertEquals(2, d.analysis().reporter().snapshot().races().size(), text);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static Throwable newDeath() {
        return new ThreadDeath();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static Class<? extends Throwable> deathClass() {
        return ThreadDeath.class;
    }
}
