package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadInfoTest {

    private static long at(long clock) {
        return Epoch.make(3, clock);
    }

    @Test
    @SuppressWarnings("deprecation") // Thread.getId: the name must show the id a thread dump shows
    void unnamedThreadsAreNamedOnDemandAndTasksKeepTheirThreadsName() throws Exception {
        Thread platform = new Thread(() -> { });
        platform.setName("");
        ThreadInfo p = ThreadInfo.of(platform, List.of());
        assertEquals("thread-#" + platform.getId(), p.name());
        assertEquals(ThreadInfo.nameOf(platform), p.name());

        // Compiled for Java 17: the virtual thread is made reflectively (the build runs the tests on 21+).
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Thread virtual = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class)
                .invoke(builder, (Runnable) () -> { });
        ThreadInfo v = ThreadInfo.of(virtual, List.of());
        assertEquals("virtual-#" + virtual.getId(), v.name());
        assertEquals(ThreadInfo.nameOf(virtual), v.name());

        ThreadInfo named = ThreadInfo.of(new Thread(() -> { }, "worker-7"), List.of());
        assertEquals("worker-7", named.name());

        ThreadInfo task = ThreadInfo.taskOn(v);
        assertEquals(v.name(), task.name(), "a task reports the name of the thread it runs on");
        assertTrue(task.started.isEmpty(), "a task has no start stack");

        v.rename("renamed");
        assertEquals("renamed", v.name());
        assertEquals("virtual-#" + virtual.getId(), task.name(), "the task took the name at its begin");
    }

    @Test
    void aSingleHeldSetNeedsNoRingAndAnswersFromItsFirstEpoch() {
        ThreadInfo info = new ThreadInfo("t", List.of());
        assertNull(info.locksAt(at(5)), "nothing noted yet");
        LockRef[] none = LockRef.NONE;
        info.noteLocks(at(5), none);
        info.noteLocks(at(6), none);
        info.noteLocks(at(9), none);
        assertFalse(info.hasLockRing(), "the same held set noted again adds no entry");
        assertSame(none, info.locksAt(at(5)));
        assertSame(none, info.locksAt(at(100)));
        assertNull(info.locksAt(at(4)), "before the first entry the locks are unknown");
    }

    @Test
    void changingHeldSetsAreLoggedForTheLastEightChanges() {
        ThreadInfo info = new ThreadInfo("t", List.of());
        LockRef[][] sets = new LockRef[12][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = new LockRef[] {new LockRef(i, new Object())};
        }
        info.noteLocks(at(10), sets[0]);
        info.noteLocks(at(20), sets[1]);
        assertTrue(info.hasLockRing(), "a second held set allocates the ring");
        assertSame(sets[0], info.locksAt(at(10)), "the first entry moved into the ring");
        assertSame(sets[0], info.locksAt(at(19)));
        assertSame(sets[1], info.locksAt(at(20)));
        for (int i = 2; i < sets.length; i++) {
            info.noteLocks(at(10L * (i + 1)), sets[i]);
        }
        assertSame(sets[11], info.locksAt(at(500)));
        assertSame(sets[4], info.locksAt(at(55)), "entry 4 covers epochs 50..59");
        assertNull(info.locksAt(at(35)), "entries older than the last eight are forgotten");
        info.noteLocks(at(200), sets[11]);
        assertSame(sets[10], info.locksAt(at(115)), "re-noting the current set adds no entry");
    }
}
