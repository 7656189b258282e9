package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventWakesWaiterTest {

    @Test
    void theWaiterGetsItOnlyAfterMainSetsTheEvent() throws InterruptedException {
        Lines printed = new Lines();
        EventWakesWaiter.run(printed.out(), Duration.ofMillis(200));
        List<String> lines = printed.lines();

        assertEquals(Set.of("waiting for it ...", "main: setting the event", "... got it!"), Set.copyOf(lines));
        assertEquals(3, lines.size(), lines.toString());
        int waiting = lines.indexOf("waiting for it ...");
        int setting = lines.indexOf("main: setting the event");
        int gotIt = lines.indexOf("... got it!");
        assertTrue(waiting < gotIt, lines.toString());
        // Main prints before set(), and set() happens-before await() returns: this order is guaranteed.
        assertTrue(setting < gotIt, lines.toString());
    }
}
