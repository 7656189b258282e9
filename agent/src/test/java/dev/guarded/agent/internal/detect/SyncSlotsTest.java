package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Objects whose class declares the sync slot keep their sync node in it: one node per object whichever thread
 * creates it, found from subclasses too, never shared with a clone, and the happens-before edges through such
 * an object are exactly those through any other.
 */
class SyncSlotsTest {

    /** As the instrumenter lays out the topmost class with words of a hierarchy: one sync slot. */
    static class Slotted implements Cloneable {
        int value;
        transient Object guarded$sync;

        @Override
        protected Slotted clone() throws CloneNotSupportedException {
            return (Slotted) super.clone();
        }
    }

    /** A subclass: the slot is its superclass's. */
    static final class SlottedChild extends Slotted {
        long more;
    }

    @Test
    void theSlotIsFoundInTheClassOrItsSuperclassesAndNowhereElse() {
        long own = SyncSlots.offset(new Slotted());
        assertNotEquals(SyncSlots.NONE, own);
        assertEquals(own, SyncSlots.offset(new SlottedChild()), "a subclass uses its superclass's slot");
        assertEquals(SyncSlots.NONE, SyncSlots.offset(new Object()));
        assertEquals(SyncSlots.NONE, SyncSlots.offset("a string"));
        assertEquals(SyncSlots.NONE, SyncSlots.offset(new int[3]));
        assertEquals(SyncSlots.NONE, SyncSlots.offset(new ArrayList<>()));
    }

    @Test
    void aNodeIsCreatedInTheSlotOnceAndOnlyWhenAsked() {
        Slotted s = new Slotted();
        long slot = SyncSlots.offset(s);
        assertNull(SyncSlots.node(s, slot, false));
        SyncNode node = SyncSlots.node(s, slot, true);
        assertNotNull(node);
        assertSame(node, s.guarded$sync, "the node lives in the object itself");
        assertSame(node, SyncSlots.node(s, slot, true));
        assertSame(node, SyncSlots.node(s, slot, false));
    }

    @Test
    void threadsRacingToCreateANodeAgreeOnOne() throws Exception {
        for (int round = 0; round < 200; round++) {
            Slotted s = new Slotted();
            long slot = SyncSlots.offset(s);
            int threads = 3;
            CyclicBarrier start = new CyclicBarrier(threads);
            SyncNode[] seen = new SyncNode[threads];
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                all.add(new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    seen[id] = SyncSlots.node(s, slot, true);
                }));
            }
            all.forEach(Thread::start);
            for (Thread t : all) {
                t.join();
            }
            assertSame(seen[0], seen[1], "round " + round);
            assertSame(seen[0], seen[2], "round " + round);
            assertSame(seen[0], s.guarded$sync, "round " + round);
        }
    }

    @Test
    void releaseAndAcquireThroughASlottedObjectOrderAsThroughAnyOther() {
        Harness h = new Harness("quiet");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        ThreadState c = h.thread("c");
        Object counter = new Object();
        Slotted key = new SlottedChild();
        h.write(a, counter);
        h.a.release(a, key, 0);
        h.a.acquire(b, key, 0);
        h.write(b, counter);
        assertEquals(0, h.races().size(), "b acquired what a released");
        assertNotNull(key.guarded$sync, "the release went to the object's slot");
        h.write(c, counter);
        assertEquals(1, h.races().size(), "c acquired nothing: unordered with b's write");
    }

    @Test
    void aCloneGetsItsOwnNode() throws Exception {
        Harness h = new Harness("quiet");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Object counter = new Object();
        Slotted original = new Slotted();
        h.write(a, counter);
        h.a.release(a, original, 0);
        Slotted copy = original.clone();
        assertSame(original.guarded$sync, copy.guarded$sync, "Object.clone copied the slot");
        h.a.cloned(b, copy, h.writeSite);
        assertNull(copy.guarded$sync, "the clone hook empties the copy's slot");
        h.a.acquire(b, copy, 0);
        h.write(b, counter);
        assertTrue(h.races().size() == 1, "acquiring the copy is not acquiring the original: " + h.races());
    }
}
