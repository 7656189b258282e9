package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorClockTest {

    @Test
    void epochPacksSlotAndClock() {
        long e = Epoch.make(5, 123_456_789L);
        assertEquals(5, Epoch.tid(e));
        assertEquals(123_456_789L, Epoch.clock(e));
        assertEquals(Epoch.MAX_TID, Epoch.tid(Epoch.make(Epoch.MAX_TID, 1)));
        assertEquals("7@3", Epoch.toString(Epoch.make(3, 7)));
    }

    @Test
    void joinIsPointwiseMaximumAndReportsChange() {
        VectorClock a = VectorClock.forThread(0, 4);
        a.set(2, 7);
        VectorClock b = VectorClock.forThread(1, 3);
        b.set(2, 9);
        b.set(0, 1);
        assertTrue(a.joinFrom(b));
        assertEquals(4, a.get(0), "own entry is not lowered");
        assertEquals(3, a.get(1));
        assertEquals(9, a.get(2));
        assertFalse(a.joinFrom(b), "joining again changes nothing");
        assertTrue(b.leq(a));
        assertFalse(a.leq(b));
    }

    /**
     * A clock joined with an equal-content clock built separately takes over that clock's nodes and reports no
     * change; a later join with a clock derived from that one then meets the shared nodes by reference. Keeping
     * its own equal nodes instead made every join of a sync clock with a million threads' clocks walk every leaf.
     */
    @Test
    void joinOfEqualContentAdoptsTheOtherNodesWithoutReportingChange() {
        VectorClock sync = unowned(3000, 0);
        VectorClock thread = unowned(3000, 0);
        assertFalse(sync.sharesTrieWith(thread), "built apart: equal content, other nodes");
        assertFalse(sync.joinFrom(thread), "equal content is no change");
        assertTrue(sync.sharesTrieWith(thread), "the other clock's nodes were adopted");
        VectorClock later = thread.frozenCopy();
        later.set(1234, 5000);
        assertTrue(sync.joinFrom(later), "a raised entry is a change");
        assertEquals(5000, sync.get(1234));
        assertEquals(2999, sync.get(2999));
        VectorClock higherHere = unowned(3000, 0);
        higherHere.set(17, 9000);
        VectorClock mixed = unowned(3000, 0);
        mixed.set(18, 9000);
        assertTrue(higherHere.joinFrom(mixed), "a leaf of mixed maxima is a change");
        assertEquals(9000, higherHere.get(17));
        assertEquals(9000, higherHere.get(18));
        assertFalse(higherHere.joinFrom(unowned(3000, 0)), "joining lower content changes nothing");
    }

    /** @return a clock without owner holding {@code u + offset} at each slot {@code u < n}, built entry by entry */
    private static VectorClock unowned(int n, int offset) {
        VectorClock c = new VectorClock();
        for (int u = 0; u < n; u++) {
            c.set(u, u + offset);
        }
        return c;
    }

    @Test
    void tickAdvancesOnlyTheOwner() {
        VectorClock a = VectorClock.forThread(2, 1);
        a.tick();
        a.tick();
        assertEquals(3, a.get(2));
        assertEquals(0, a.get(0));
        assertTrue(a.size() >= 3);
    }

    @Test
    void wideClocksShareUnchangedSubtrees() {
        VectorClock big = VectorClock.forThread(0, 1);
        for (int u = 1; u < 5000; u++) {
            big.set(u, u);
        }
        VectorClock t = VectorClock.forThread(4999, 7000);
        assertTrue(t.joinFrom(big));
        assertEquals(4998, t.get(4998));
        assertEquals(7000, t.get(4999), "own entry kept");
        assertEquals(1, t.get(0));
        assertFalse(t.joinFrom(big));
        VectorClock copy = big.frozenCopy();
        copy.set(70_000, 3);
        assertEquals(3, copy.get(70_000), "the trie grows a level");
        assertEquals(0, big.get(70_000));
        assertTrue(big.leq(copy));
        assertFalse(copy.leq(big));
        VectorClock small = VectorClock.forThread(2, 9);
        assertTrue(big.joinFrom(small));
        assertEquals(9, big.get(2));
        assertEquals(4999, big.get(4999));
        assertFalse(small.leq(VectorClock.forThread(3, 1)));
    }

    @Test
    void frozenCopyIsUnaffectedByLaterWrites() {
        VectorClock a = VectorClock.forThread(0, 1);
        a.set(3, 5);
        VectorClock copy = a.frozenCopy();
        a.set(3, 8);
        a.tick();
        assertEquals(5, copy.get(3));
        assertEquals(1, copy.get(0));
        assertEquals(8, a.get(3));
        assertEquals(2, a.get(0));
    }

    @Test
    void childSharesParentKnowledgeWithoutCopying() {
        VectorClock parent = VectorClock.forThread(0, 10);
        parent.set(1, 4);
        parent.set(2, 6);
        VectorClock child = VectorClock.inherit(parent, 3, 1);
        assertTrue(child.sharesTrieWith(parent), "the child shares the parent's trie");
        assertEquals(10, child.get(0));
        assertEquals(4, child.get(1));
        assertEquals(1, child.get(3));
        parent.tick();
        parent.set(1, 99);
        assertEquals(10, child.get(0), "the child keeps the parent's epoch at fork");
        assertEquals(4, child.get(1), "parent writes after fork are invisible to the child");
        VectorClock grandChild = VectorClock.inherit(child, 4, 1);
        assertEquals(10, grandChild.get(0));
        assertEquals(1, grandChild.get(3));
        assertEquals(4, grandChild.get(1));
        child.set(1, 5);
        assertEquals(4, grandChild.get(1));
    }

    @Test
    void refreshOnlyWhenTheShapeIsUnchanged() {
        VectorClock t = VectorClock.forThread(0, 1);
        t.set(1, 2);
        VectorClock copy = t.frozenCopy();
        t.tick();
        assertTrue(copy.refreshFrom(t));
        assertEquals(2, copy.get(0));
        t.set(1, 3);
        assertFalse(copy.refreshFrom(t), "the thread copied its array: the sync clock must copy too");
        assertEquals(2, copy.get(1));
    }

    @Test
    void theMemoizedReadAgreesWithThePlainOneThroughEveryChange() {
        java.util.Random rnd = new java.util.Random(7);
        VectorClock owner = VectorClock.forThread(3, 1);
        VectorClock other = VectorClock.forThread(40_000, 1);
        ThreadState memo = new Harness("quiet").thread("memo");
        for (int step = 0; step < 20_000; step++) {
            int u = rnd.nextInt(8) == 0 ? rnd.nextInt(100_000) : rnd.nextInt(70);
            switch (rnd.nextInt(6)) {
                case 0 -> owner.set(u, owner.get(u) + 1 + rnd.nextInt(3));
                case 1 -> other.set(u, other.get(u) + 1 + rnd.nextInt(3));
                case 2 -> owner.joinFrom(other);
                case 3 -> owner.tick();
                default -> { }
            }
            int probe = rnd.nextBoolean() ? u : rnd.nextInt(70);
            assertEquals(owner.get(probe), owner.getMemoized(probe, memo), "step " + step + ", slot " + probe);
            assertEquals(owner.get(probe), owner.getMemoized(probe, memo), "step " + step + ", again");
        }
    }

    @Test
    void theWiderMemoAgreesWithThePlainReadWhenChecksAlternateBetweenThreads() {
        java.util.Random rnd = new java.util.Random(11);
        VectorClock owner = VectorClock.forThread(3, 1);
        for (int u = 4; u < 300; u++) {
            owner.set(u, u * 3L);
        }
        ThreadState memo = new Harness("quiet").thread("memo");
        for (int probe = 0; probe < 200; probe++) {
            int u = 4 + probe % 20;   // twenty other threads in turn: the single memo misses every time
            assertEquals(owner.get(u), owner.getMemoized(u, memo), "probe " + probe);
        }
        assertNotNull(memo.memoTable, "alternating misses under one trie bring the wider memo");
        for (int step = 0; step < 20_000; step++) {
            int u = 4 + rnd.nextInt(40);
            if (rnd.nextInt(10) == 0) {
                owner.set(u, owner.get(u) + 1);   // a new trie: the wider memo starts over
            }
            int probe = 4 + rnd.nextInt(24);
            assertEquals(owner.get(probe), owner.getMemoized(probe, memo), "step " + step + ", slot " + probe);
        }
    }

    @Test
    void inheritedClocksAreCopyOnWriteInBothDirections() {
        VectorClock parent = VectorClock.forThread(0, 10);
        for (int u = 1; u < 3000; u++) {
            parent.set(u, u + 1);
        }
        VectorClock child = VectorClock.inherit(parent, 5000, 1);
        VectorClock sibling = VectorClock.inherit(parent, 5001, 1);
        assertTrue(child.sharesTrieWith(parent) && sibling.sharesTrieWith(parent), "nothing copied at fork");

        child.set(7, 700);
        child.set(2999, 9);   // below what it inherited: set, not join
        child.tick();
        VectorClock other = VectorClock.forThread(4000, 44);
        other.set(8, 800);
        assertTrue(child.joinFrom(other));
        assertEquals(700, child.get(7));
        assertEquals(9, child.get(2999));
        assertEquals(800, child.get(8));
        assertEquals(44, child.get(4000));
        assertEquals(2, child.get(5000));
        assertEquals(8, parent.get(7), "the parent does not see the child's writes");
        assertEquals(9, parent.get(8));
        assertEquals(3000, parent.get(2999));
        assertEquals(0, parent.get(4000));
        assertEquals(0, parent.get(5000));
        assertEquals(8, sibling.get(7), "nor does a sibling sharing the same trie");
        assertEquals(3000, sibling.get(2999));

        parent.set(9, 900);
        parent.tick();
        assertEquals(10, child.get(9), "the child does not see the parent's writes after the fork");
        assertEquals(10, sibling.get(0), "a sibling keeps the parent's epoch at fork");
        assertEquals(1, sibling.get(5001));
    }

    @Test
    void clocksGrowToTheWidestSlotAnEpochCanName() {
        VectorClock c = VectorClock.forThread(0, 1);
        int[] slots = {31, 32, 1023, 1024, 32_767, 32_768, 1_048_575, 1_048_576, Epoch.MAX_TID};
        for (int i = 0; i < slots.length; i++) {
            c.set(slots[i], i + 2);
        }
        for (int i = 0; i < slots.length; i++) {
            assertEquals(i + 2, c.get(slots[i]), "slot " + slots[i]);
        }
        assertEquals(0, c.get(Epoch.MAX_TID - 1));
        VectorClock narrow = VectorClock.forThread(1, 5);
        assertTrue(narrow.joinFrom(c));
        assertEquals(slots.length + 1, narrow.get(Epoch.MAX_TID));
        assertTrue(c.leq(narrow));
    }
}
