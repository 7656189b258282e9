package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadRegistryTest {

    @Test
    void eachSlotNamesItsLastFourOccupantsByEpoch() {
        ThreadRegistry registry = new ThreadRegistry(1, 0, 4);
        ThreadState main = registry.stateOf(new Thread(() -> { }, "main"));
        ThreadState[] occupants = new ThreadState[6];
        for (int i = 0; i < occupants.length; i++) {
            Thread child = new Thread(() -> { }, "child-" + i);
            occupants[i] = registry.starting(main, child);
            registry.terminated(main, child, true);
        }
        int slot = occupants[0].tid;
        for (ThreadState s : occupants) {
            assertEquals(slot, s.tid, "every child took the slot the one before gave back");
        }
        for (int i = 2; i < occupants.length; i++) {
            assertSame(occupants[i].info, registry.infoOf(occupants[i].epoch), "occupant " + i);
        }
        assertNull(registry.infoOf(occupants[1].epoch), "only the last four occupants stay nameable");
        assertSame(main.info, registry.infoOf(main.epoch), "a slot with one occupant names it");
        assertNull(registry.infoOf(Epoch.make(40, 1)), "a slot never used names nobody");
    }

    @Test
    void aJoinedThreadKeepsItsFinalClockButDropsItsCaches() {
        ThreadRegistry registry = new ThreadRegistry(1000, 0, 4);
        ThreadState main = registry.stateOf(new Thread(() -> { }, "main"));
        Thread child = new Thread(() -> { }, "child");
        ThreadState cs = registry.starting(main, child);
        Object array = new int[4];
        cs.remember(array, 0, new long[4], null);
        cs.syncKeys = new Object[RaceAnalysis.SYNC_WAYS];
        cs.syncNodes = new SyncNode[RaceAnalysis.SYNC_WAYS];
        cs.tick();
        long finalEpoch = cs.epoch;

        registry.terminated(main, child, true);
        assertTrue(main.knows(finalEpoch), "the joiner acquired the child's final clock");
        assertTrue(cs.retired);
        assertNull(cs.recentArrays, "the dead thread keeps no array reachable");
        assertNotSame(array, cs.lastArray);
        assertNull(cs.lastPage);
        assertNull(cs.syncKeys, "nor sync keys");
        assertNull(cs.syncNodes);
        assertSame(cs, registry.own(child), "a later joiner still finds the dead thread's state");
        ThreadState second = registry.stateOf(new Thread(() -> { }, "second"));
        registry.terminated(second, child, true);
        assertTrue(second.knows(finalEpoch), "and acquires the same final clock");
    }
}
