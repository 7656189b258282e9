package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Race;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocksetTest {

    private static ThreadState thread(int tid) {
        return new ThreadState(tid, VectorClock.forThread(tid, 1), new ThreadInfo("t" + tid, List.of()));
    }

    private final LockRef l1 = new LockRef(1, new Object());
    private final LockRef l2 = new LockRef(2, new Object());

    @Test
    void eraserStateMachine() {
        VarState v = new VarState();
        ThreadState a = thread(0);
        ThreadState b = thread(1);
        assertEquals(VarState.VIRGIN, v.eraser());
        v.lockset(a, true, LockRef.NONE);
        assertEquals(VarState.EXCLUSIVE, v.eraser());
        v.lockset(a, true, LockRef.NONE);
        assertEquals(VarState.EXCLUSIVE, v.eraser(), "initialisation by one thread stays exclusive");
        v.lockset(b, false, new LockRef[] {l1, l2});
        assertEquals(VarState.SHARED, v.eraser());
        assertArrayEquals(new LockRef[] {l1, l2}, v.candidates());
        v.lockset(a, false, new LockRef[] {l1});
        assertEquals(VarState.SHARED, v.eraser());
        assertFalse(v.locksetViolated(), "read-only sharing is quiet");
        v.lockset(b, true, new LockRef[] {l1});
        assertEquals(VarState.SHARED_MODIFIED, v.eraser());
        assertFalse(v.locksetViolated(), "l1 guards every access");
        v.lockset(a, true, new LockRef[] {l2});
        assertTrue(v.locksetViolated());
        assertTrue(v.manyWriters());
    }

    @Test
    void intersectionKeepsTheArrayWhenNothingIsRemoved() {
        LockRef[] both = {l1, l2};
        assertSame(both, LockRef.intersect(both, new LockRef[] {l1, l2}));
        assertArrayEquals(new LockRef[] {l2}, LockRef.intersect(both, new LockRef[] {l2}));
        assertEquals(0, LockRef.intersect(both, LockRef.NONE).length);
    }

    @Test
    void heldLocksCountReentrancy() {
        HeldLocks held = new HeldLocks();
        held.add(l2);
        held.add(l1);
        held.add(l2);
        assertArrayEquals(new LockRef[] {l1, l2}, held.snapshot(), "sorted by id");
        held.remove(l2);
        assertArrayEquals(new LockRef[] {l1, l2}, held.snapshot(), "still held once");
        held.remove(l2);
        assertArrayEquals(new LockRef[] {l1}, held.snapshot());
        held.remove(l2);
        assertArrayEquals(new LockRef[] {l1}, held.snapshot(), "a release never seen acquired is ignored");
    }

    @Test
    void modesDecideWhatIsReported() {
        for (String mode : new String[] {"hb", "lockset", "hybrid"}) {
            Harness h = new Harness("mode=" + mode);
            ThreadState a = h.thread("a");
            ThreadState b = h.thread("b");
            ThreadState c = h.thread("c");
            Object o = new Object();
            h.write(a, o, h.site(1));
            h.a.release(a, "handoff", 0);
            h.a.acquire(b, "handoff", 0);
            h.write(b, o, h.site(2));
            h.a.release(b, "handoff", 0);
            h.a.acquire(c, "handoff", 0);
            h.write(c, o, h.site(3));
            List<Race> races = h.races();
            switch (mode) {
                case "hb" -> assertEquals(0, races.size(), "ordered by the handoff");
                case "lockset" -> {
                    assertEquals(1, races.size(), "b's write after a's makes it shared-modified, no lock");
                    assertEquals("unguarded", races.get(0).kind());
                    assertEquals("a", races.get(0).accesses().get(1).thread());
                }
                default -> assertEquals(0, races.size(), "ordered by transfer edges only: ownership moved");
            }
        }
    }

    @Test
    void hybridReportsWritesOrderedOnlyByAnUnrelatedLock() {
        for (String mode : new String[] {"hb", "hybrid"}) {
            Harness h = new Harness("mode=" + mode);
            ThreadState a = h.thread("a");
            ThreadState b = h.thread("b");
            Object o = new Object();
            Object stats = new Object();
            h.write(a, o, h.site(1));
            h.a.lockAcquired(a, stats);
            h.a.lockReleasing(a, stats);
            h.a.lockAcquired(b, stats);
            h.a.lockReleasing(b, stats);
            h.write(b, o, h.site(2));
            h.write(a, o, h.site(3)); // unordered after b's: a happens-before race, never also unguarded
            List<Race> races = h.races();
            if (mode.equals("hb")) {
                assertEquals(1, races.size(), races.toString());
                assertEquals("data-race", races.get(0).kind());
                continue;
            }
            assertEquals(2, races.size(), races.toString());
            Race predicted = races.get(0);
            assertEquals("unguarded", predicted.kind());
            assertEquals("b", predicted.accesses().get(0).thread());
            assertEquals("a", predicted.accesses().get(1).thread());
            assertEquals("data-race", races.get(1).kind());
            assertTrue(h.output().contains("WARNING: Guarded: unguarded access to field com.acme.Counter.value"),
                    h.output());
        }
    }

    /** A class with one plain field, cloned by the test below. */
    static final class Cfg {
        int value;
    }

    @Test
    void aCloneIsWrittenByItsCloningThreadInTheSideTables() {
        Harness h = new Harness("mode=hybrid");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Cfg copy = new Cfg();
        h.a.cloned(a, copy, h.site(7));
        int value = h.meta.field(Cfg.class.getName(), "value", "I", false, false);
        h.a.access(b, h.a.shadow().field(copy, value), false, h.site(8), value, null);
        assertEquals(1, h.races().size(), "the copy's field was written by a, unordered with b's read");
        assertEquals("data-race", h.races().get(0).kind());
    }

    @Test
    void hybridTellsIncidentalFromTransferAcquires() {
        for (boolean incidental : new boolean[] {true, false}) {
            Harness h = new Harness("mode=hybrid");
            ThreadState a = h.thread("a");
            ThreadState b = h.thread("b");
            Object o = new Object();
            h.write(a, o);
            h.a.release(a, "events", 0);
            h.a.acquire(b, "events", incidental ? dev.guarded.agent.hook.Bridges.INCIDENTAL : 0);
            h.write(b, o);
            assertEquals(incidental ? 1 : 0, h.races().size(), "incidental=" + incidental + " " + h.races());
        }
    }

    @Test
    void hybridKeepsTransfersAcrossChainsAndLockHandoffs() {
        Harness h = new Harness("mode=hybrid");
        ThreadState a = h.thread("a");
        Object o = new Object();
        h.write(a, o);
        Thread bThread = new Thread(() -> { }, "b");
        ThreadState b = h.a.threadStarting(a, bThread);
        h.write(b, o);
        Thread cThread = new Thread(() -> { }, "c");
        ThreadState c = h.a.threadStarting(b, cThread);
        h.a.lockAcquired(c, "unrelated");
        h.a.lockReleasing(c, "unrelated");
        h.write(c, o);
        h.a.threadTerminated(a, cThread, true);
        h.write(a, o);
        // A waiter woken by notify is handed what the notifier released (Bridges.wait adds a plain acquire).
        Object monitor = new Object();
        h.a.lockAcquired(a, monitor);
        h.a.lockReleasing(a, monitor);
        h.a.lockAcquired(b, monitor);
        h.a.acquire(b, monitor, 0);
        h.a.lockReleasing(b, monitor);
        h.write(b, o);
        assertEquals(0, h.races().size(), "start, start, join, notify: hand-offs " + h.races());

        // One incidental edge on the path is enough: c hands over to d, but c learnt of b only by a lock.
        Object p = new Object();
        ThreadState d = h.thread("d");
        h.write(b, p);
        h.a.lockAcquired(b, "stats");
        h.a.lockReleasing(b, "stats");
        h.a.lockAcquired(c, "stats");
        h.a.lockReleasing(c, "stats");
        h.a.release(c, "queue", 0);
        h.a.acquire(d, "queue", 0);
        h.write(d, p);
        assertEquals(1, h.races().size(), h.races().toString());
        assertEquals("unguarded", h.races().get(0).kind());
    }

    @Test
    void hybridIsQuietForHandoffToOneWriterAndForLockedFields() {
        Harness h = new Harness("mode=hybrid");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Object o = new Object();
        h.write(a, o);
        h.a.release(a, "q", 0);
        h.a.acquire(b, "q", 0);
        h.write(b, o);
        h.read(b, o);
        assertEquals(0, h.races().size(), "construct, hand over, one writer: no report");
        Object lock = new Object();
        Object p = new Object();
        for (ThreadState t : new ThreadState[] {a, b, a, b}) {
            h.a.lockAcquired(t, lock);
            h.write(t, p);
            h.a.lockReleasing(t, lock);
        }
        assertEquals(0, h.races().size());
    }

    @Test
    void hybridReportsDataRaceNotUnguardedWhenUnordered() {
        Harness h = new Harness("mode=hybrid");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Object o = new Object();
        h.write(a, o);
        h.write(b, o);
        h.write(a, o, h.site(50));
        assertTrue(h.races().stream().allMatch(r -> r.kind().equals("data-race")), h.races().toString());
    }

    @Test
    void sharedHoldsJoinTheLocksetButOrderNothing() {
        Harness h = new Harness("mode=hybrid");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Object rwSync = new Object();
        Object guarded = new Object();
        h.a.lockHeld(a, rwSync);
        h.read(a, guarded);
        h.a.lockDropped(a, rwSync);
        h.a.lockAcquired(b, rwSync);
        h.write(b, guarded);
        h.a.lockReleasing(b, rwSync);
        assertEquals(1, h.races().size(), "lockHeld and lockDropped move no clock: ordering comes only from release and acquire");
        assertEquals("data-race", h.races().get(0).kind());

        Harness quiet = new Harness("mode=lockset");
        ThreadState c = quiet.thread("c");
        ThreadState d = quiet.thread("d");
        Object p = new Object();
        for (ThreadState t : new ThreadState[] {c, d, c, d}) {
            quiet.a.lockAcquired(t, rwSync);
            quiet.write(t, p);
            quiet.a.lockReleasing(t, rwSync);
            quiet.a.lockHeld(t, rwSync);
            quiet.read(t, p);
            quiet.a.lockDropped(t, rwSync);
        }
        assertEquals(0, quiet.races().size(), "reads under the read lock share the lock with writes: guarded");
    }
}
