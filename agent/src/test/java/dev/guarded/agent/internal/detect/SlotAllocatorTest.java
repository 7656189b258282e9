package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotAllocatorTest {

    @Test
    void reusesRetiredSlotsOnlyAfterThresholdContinuingTheCounter() {
        SlotAllocator slots = new SlotAllocator(2);
        SlotAllocator.Slot s0 = slots.allocate();
        assertEquals(0, s0.index());
        assertNull(s0.previous());
        ThreadState dead = new ThreadState(0, VectorClock.forThread(0, 1), new ThreadInfo("a", List.of()));
        dead.tick();
        dead.tick();
        slots.retire(dead);
        slots.retire(dead);
        assertEquals(1, slots.freeCount(), "retire is idempotent");
        assertEquals(1, slots.allocate().index(), "below the threshold a fresh slot is made");
        SlotAllocator.Slot reused = slots.allocate();
        assertEquals(0, reused.index());
        assertEquals(4, reused.start(), "continues above the dead thread's last epoch (3)");
        assertEquals(3, reused.previous().get(0));
        assertEquals(2, slots.created());
        assertEquals(1, slots.reusedCount());
        assertEquals(2, slots.allocate().index());
    }
}
