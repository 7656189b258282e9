package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlotReuseTest {

    @Test
    void joinedThreadsGiveTheirSlotsBackAndClocksStayBounded() {
        Harness h = new Harness("", 4);
        ThreadState main = h.thread("main");
        Object shared = new Object();
        for (int i = 0; i < 1000; i++) {
            Thread child = new Thread(() -> { }, "child-" + i);
            ThreadState cs = h.a.threadStarting(main, child);
            h.write(cs, shared);
            h.a.threadTerminated(main, child, true);
            h.read(main, shared);
        }
        assertEquals(0, h.races().size(), "each child is started after and joined before main's read");
        assertTrue(h.a.slots().created() <= 6, "slots created: " + h.a.slots().created());
        assertTrue(h.a.slots().reusedCount() >= 990, "reused: " + h.a.slots().reusedCount());
    }

    @Test
    void reusedSlotDoesNotHideARaceWithTheNewOccupant() {
        Harness h = new Harness("", 2);
        ThreadState main = h.thread("main");
        ThreadState other = h.thread("other");
        Thread first = new Thread(() -> { }, "first");
        ThreadState fs = h.a.threadStarting(main, first);
        h.a.threadTerminated(main, first, true);
        Thread second = new Thread(() -> { }, "second");
        ThreadState ss = h.a.threadStarting(main, second);
        assertEquals(fs.tid, ss.tid, "the slot was reused");
        assertTrue(Epoch.clock(ss.epoch) > Epoch.clock(fs.epoch), "the counter continues");
        Object o = new Object();
        h.write(ss, o);
        h.write(other, o);
        assertEquals(1, h.races().size(), "other never synchronized with the new occupant");
    }
}
