package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Frame;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackCaptureTest {

    @Test
    void dropsAgentFramesAndLimitsDepth() {
        List<Frame> frames = StackCapture.capture(3);
        assertEquals(3, frames.size());
        assertTrue(frames.stream().noneMatch(f -> f.className().startsWith("dev.guarded.agent.")),
                "this test class is in the agent's package, so its frames are dropped too: " + frames);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
    void startStacksAreInternedAndSkipLeadingJdkFrames() throws Exception {
        StackCapture capture = new StackCapture(4);
        List<Frame>[] seen = new List[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            Thread t = new Thread(() -> seen[k] = capture.captureInterned());
            t.start();
            t.join();
        }
        assertSame(seen[0], seen[1], "identical start stacks share one list");
        assertFalse(seen[0].isEmpty());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
    void startsFromDifferentCallPathsKeepTheirOwnStacks() throws Exception {
        StackCapture capture = new StackCapture(4);
        List<Frame>[] seen = new List[4];
        for (int i = 0; i < seen.length; i++) {
            int k = i;
            // This test's own frames are agent frames (dropped); the second path differs by a JDK frame.
            Runnable start = k % 2 == 0
                    ? () -> seen[k] = capture.captureInterned()
                    : () -> seen[k] = Optional.of(capture).map(c -> c.captureInterned()).orElseThrow();
            Thread t = new Thread(start);
            t.start();
            t.join();
        }
        assertSame(seen[0], seen[2], "one call path, one list");
        assertSame(seen[1], seen[3], "one call path, one list");
        assertNotEquals(seen[0], seen[1]);
        assertTrue(seen[1].stream().anyMatch(f -> f.className().equals("java.util.Optional")), seen[1].toString());
        assertTrue(seen[0].stream().noneMatch(f -> f.className().equals("java.util.Optional")), seen[0].toString());
        assertEquals(2, capture.internedCount());
    }

    @Test
    void trimsTheJdkFramesAboveTheStartingCode() {
        Frame start = new Frame("java.lang.Thread", "start", "Thread.java", 1);
        Frame builder = new Frame("java.lang.ThreadBuilders$VirtualThreadBuilder", "start", null, 2);
        Frame app = new Frame("com.acme.Main", "main", "Main.java", 9);
        Frame app2 = new Frame("com.acme.Main", "run", "Main.java", 3);
        assertEquals(List.of(app, app2), StackCapture.trimLeadingJdk(List.of(start, builder, app, app2), 4));
        assertEquals(List.of(app), StackCapture.trimLeadingJdk(List.of(start, app, app2), 1));
        assertEquals(List.of(start, builder), StackCapture.trimLeadingJdk(List.of(start, builder), 4),
                "a thread started by the JDK alone keeps the JDK frames");
        assertTrue(StackCapture.isJdk("jdk.internal.misc.Unsafe"));
        assertFalse(StackCapture.isJdk("javafoo.Bar"));
    }
}
