package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Access;
import dev.guarded.report.Race;
import org.junit.jupiter.api.Test;

class FastTrackTest {

    private final Harness h = new Harness("");
    private final Object counter = new Object();
    private final ThreadState a = h.thread("worker-1");
    private final ThreadState b = h.thread("worker-2");

    @Test
    void unorderedWriteWriteIsARace() {
        h.write(a, counter);
        h.write(b, counter);
        assertEquals(1, h.races().size());
        Race r = h.races().get(0);
        assertEquals("data-race", r.kind());
        assertEquals("com.acme.Counter.value", r.field());
        assertFalse(r.suppressed());
        Access cur = r.accesses().get(0);
        Access prev = r.accesses().get(1);
        assertEquals("write", cur.op());
        assertEquals("worker-2", cur.thread());
        assertEquals("write", prev.op());
        assertEquals("worker-1", prev.thread());
        assertEquals(12, prev.site().line());
        assertEquals("com.acme.Counter", cur.site().className(), "current site leads the stack");
        assertTrue(h.output().contains("WARNING: Guarded: data race on field com.acme.Counter.value"), h.output());
    }

    @Test
    void readThenUnorderedWriteAndWriteThenUnorderedReadAreRaces() {
        h.read(a, counter);
        h.write(b, counter);
        assertEquals(1, h.races().size());
        assertEquals("read", h.races().get(0).accesses().get(1).op());
        Object other = new Object();
        h.write(a, other, h.site(20));
        h.read(b, other, h.site(21));
        assertEquals(2, h.races().size());
        assertEquals("read", h.races().get(1).accesses().get(0).op());
        assertEquals("write", h.races().get(1).accesses().get(1).op());
    }

    @Test
    void sameThreadAndConcurrentReadsAreNotRaces() {
        h.write(a, counter);
        h.read(a, counter);
        h.write(a, counter);
        h.read(a, counter);
        assertEquals(0, h.races().size());
        ThreadState c = h.thread("c");
        h.a.release(a, counter, 0);
        h.a.acquire(b, counter, 0);
        h.a.acquire(c, counter, 0);
        h.read(b, counter);
        h.read(c, counter);
        assertEquals(0, h.races().size(), "reads after a handoff, concurrent with each other");
    }

    @Test
    void writeAfterSharedReadsChecksEveryReader() {
        ThreadState c = h.thread("c");
        h.read(a, counter, h.site(30));
        h.read(b, counter, h.site(31));
        h.a.release(a, "k", 0);
        h.a.acquire(c, "k", 0);
        h.write(c, counter);
        assertEquals(1, h.races().size(), "b's read is not ordered before c's write");
        assertEquals("worker-2", h.races().get(0).accesses().get(1).thread());
        assertEquals(31, h.races().get(0).accesses().get(1).site().line());
    }

    @Test
    void commonLockOrdersAccessesAndDifferentLocksDoNot() {
        Object lock = new Object();
        for (ThreadState t : new ThreadState[] {a, b, a, b}) {
            h.a.lockAcquired(t, lock);
            h.read(t, counter);
            h.write(t, counter);
            h.a.lockReleasing(t, lock);
        }
        assertEquals(0, h.races().size());
        Object x = new Object();
        Object other = new Object();
        h.a.lockAcquired(a, x);
        h.write(a, other, h.site(40));
        h.a.lockReleasing(a, x);
        h.a.lockAcquired(b, new Object());
        h.write(b, other, h.site(41));
        assertEquals(1, h.races().size());
        Race r = h.races().get(0);
        assertEquals(1, r.accesses().get(0).locks().size());
        assertTrue(r.accesses().get(1).locks().get(0).startsWith("java.lang.Object@"), r.toString());
    }

    @Test
    void releaseAcquireChainsAreTransitive() {
        ThreadState c = h.thread("c");
        h.write(a, counter);
        h.a.release(a, "k1", 0);
        h.a.acquire(b, "k1", 0);
        h.a.release(b, "k2", 7);
        h.a.acquire(c, "k2", 7);
        h.write(c, counter);
        assertEquals(0, h.races().size());
        h.a.acquire(b, "k2", 3);
        h.write(b, counter);
        assertEquals(1, h.races().size(), "channel 3 was never released: b is unordered with c's write");
    }

    @Test
    void threadStartAndJoinOrder() {
        Thread child = new Thread(() -> { }, "child");
        h.write(a, counter);
        ThreadState cs = h.a.threadStarting(a, child);
        h.read(cs, counter);
        h.write(cs, counter);
        assertEquals(0, h.races().size(), "the parent's write happens-before the child's accesses");
        h.a.threadTerminated(a, child, false);
        h.read(a, counter);
        assertEquals(1, h.races().size(), "a thread that did not terminate is not joined");
        Object other = new Object();
        h.write(cs, other);
        h.a.threadTerminated(a, child, true);
        h.write(a, other);
        assertEquals(1, h.races().size(), "after the join the child's write is ordered");
    }

    @Test
    void startStackIsRecordedAndShown() {
        Thread child = new Thread(() -> { }, "child");
        ThreadState cs = h.a.threadStarting(a, child);
        h.write(cs, counter);
        h.write(b, counter);
        Race r = h.races().get(0);
        assertFalse(r.accesses().get(1).started().isEmpty(), "child's start stack (this test's frames)");
        assertTrue(h.output().contains("Thread \"child\" was started at:"), h.output());
    }

    @Test
    void oneReportPerSitePairHoweverOftenItRepeats() {
        for (int i = 0; i < 50; i++) {
            h.write(a, counter);
            h.write(b, counter);
            h.a.release(a, "tick", 0);
            h.a.release(b, "tock", 0);
        }
        assertEquals(1, h.races().size());
    }

    @Test
    void arrayElementsAreSeparateLocations() {
        int[] array = new int[1000];
        h.a.access(a, h.a.shadow().element(array, 1), true, h.writeSite, -1, array.getClass());
        h.a.access(b, h.a.shadow().element(array, 999), true, h.writeSite, -1, array.getClass());
        assertEquals(0, h.races().size());
        h.a.access(b, h.a.shadow().element(array, 1), false, h.readSite, -1, array.getClass());
        assertEquals(1, h.races().size());
        assertEquals("int[]", h.races().get(0).field());
        assertTrue(h.output().contains("data race on an element of int[]"), h.output());
    }

    @Test
    void staticFieldsAndClassInitialization() {
        int sf = h.meta.field("com.acme.Config", "LIMIT", "I", true, false);
        h.a.access(a, h.a.shadow().staticField(sf), true, h.writeSite, sf, null);
        h.a.classInitialized(a, FastTrackTest.class);
        h.a.classUsed(b, FastTrackTest.class);
        h.a.access(b, h.a.shadow().staticField(sf), false, h.readSite, sf, null);
        assertEquals(0, h.races().size(), "the static initializer happens-before uses of the class");
        ThreadState c = h.thread("c");
        h.a.access(c, h.a.shadow().staticField(sf), false, h.readSite, sf, null);
        assertEquals(1, h.races().size(), "c never used the class through the hook");
        assertEquals("com.acme.Config.LIMIT", h.races().get(0).field());
    }

    /**
     * A thread that acquired a finished initialization answers later uses of the class inline; a use while the
     * initializer still runs (the initializing thread itself) is not remembered, so a use after it returns still
     * acquires, and a thread that never used the class knows nothing.
     */
    @Test
    void finishedInitializationIsAcquiredOncePerThread() {
        Class<?> type = java.util.zip.CRC32.class;
        assertFalse(a.initializationKnown(type));
        h.a.classUsed(a, type);
        assertFalse(a.initializationKnown(type), "used before its initializer returned: nothing to remember");
        h.a.classInitialized(a, type);
        h.a.classUsed(b, type);
        assertTrue(b.initializationKnown(type), "acquired after the release: answered inline from now on");
        assertFalse(a.initializationKnown(type), "a did not use it since");
        assertFalse(h.thread("c").initializationKnown(type), "per logical thread");
    }

    @Test
    void volatileAccessesSynchronize() {
        Object box = new Object();
        h.write(a, counter);
        h.a.release(a, box, 1L << 32 | 5);
        h.a.acquire(b, box, 1L << 32 | 5);
        h.read(b, counter);
        assertEquals(0, h.races().size());
    }

    @Test
    void benignFieldsAndSuppressionFileAreCountedNotFailed() {
        int benign = h.meta.field("com.acme.Cache", "hash", "I", false, true);
        Object cache = new Object();
        h.a.access(a, h.a.shadow().field(cache, benign), true, h.writeSite, benign, null);
        h.a.access(b, h.a.shadow().field(cache, benign), true, h.writeSite, benign, null);
        assertEquals(1, h.races().size());
        assertTrue(h.races().get(0).suppressed());
        assertEquals(0, h.a.reporter().snapshot().raceCount());
        assertEquals(1, h.a.reporter().snapshot().suppressedCount());
        assertFalse(h.output().contains("WARNING"), "suppressed races are not printed");
    }
}
