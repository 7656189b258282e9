package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
import dev.guarded.report.Race;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Array pages that start sparse: what they cost, that the inline check never answers from one, and that the
 * history of every element they hold survives the move to a dense page (the differential test checks the
 * verdicts on random programs; this one names the cases).
 */
class SparsePagesTest {

    private static final int LENGTH = ArrayWords.SPARSE_MIN_ELEMENTS * 4;

    @Test
    void smallArraysAreDenseAndLargerOnesStartSparse() {
        assertNotSame(ArrayWords.SPARSE, new ArrayWords(new int[ArrayWords.SPARSE_MIN_ELEMENTS - 1]).page(0));
        ArrayWords big = new ArrayWords(new int[LENGTH]);
        assertSame(ArrayWords.SPARSE, big.page(0));
        // Later pages of a long array too, each on its own.
        ArrayWords longer = new ArrayWords(new int[(1 << ThreadContext.PAGE_BITS) + LENGTH]);
        assertSame(ArrayWords.SPARSE, longer.page(1 << ThreadContext.PAGE_BITS));
        ArrayWords shortTail = new ArrayWords(new int[(1 << ThreadContext.PAGE_BITS) + 2]);
        assertNotSame(ArrayWords.SPARSE, shortTail.page(1 << ThreadContext.PAGE_BITS), "a two-element last page");
    }

    @Test
    void theInlineCheckNeverAnswersFromASparsePage() {
        Harness h = new Harness("quiet");
        ThreadState t = h.thread("t");
        int[] array = new int[LENGTH];
        h.a.elementAccess(t, array, 3, h.writeSite, true);
        h.a.elementAccess(t, array, 3, h.readSite, false);
        assertFalse(Hooks.pageCovers(ArrayWords.SPARSE, null, 0, t.epoch, 0));
        assertFalse(Hooks.pageCovers(ArrayWords.SPARSE, null, 3, t.epoch, 1));
        assertFalse(Hooks.elementCovered(array, 3, t, 1), "the inline check cannot answer for a sparse page's element");
    }

    @Test
    void aRepeatedAccessInOneEpochMakesThePageDenseForTheInlineCheck() {
        Harness h = new Harness("quiet");
        ThreadState t = h.thread("t");
        int[] table = new int[LENGTH];
        h.a.elementAccess(t, table, 2, h.readSite, false);
        h.a.elementAccess(t, table, 3, h.writeSite, true);
        assertSame(ArrayWords.SPARSE, h.a.shadow().arrayWords(table).page(2), "first accesses leave it sparse");
        h.a.elementAccess(t, table, 2, h.readSite, false);   // element 2 again, in the same epoch: a loop
        assertNotSame(ArrayWords.SPARSE, h.a.shadow().arrayWords(table).page(2));
        assertTrue(Hooks.elementCovered(table, 2, t, 1), "the inline check answers the loop's next read");
        assertTrue(Hooks.elementCovered(table, 3, t, 0), "and the write the store held");
        assertTrue(h.races().isEmpty());
    }

    @Test
    void aPageTurnsDenseAtItsFirstElementBeyondTheStoreAndKeepsEveryElementsHistory() {
        Harness h = new Harness("quiet");
        ThreadState writer = h.thread("writer");
        ThreadState reader = h.thread("reader");
        int[] array = new int[LENGTH];
        int held = Math.min(ArrayWords.SPARSE_MAX_ENTRIES, LENGTH / 4);
        for (int i = 0; i < held; i++) {
            h.a.elementAccess(writer, array, i, h.writeSite, true);
        }
        ArrayWords aw = h.a.shadow().arrayWords(array);
        assertSame(ArrayWords.SPARSE, aw.page(0), "the store grows to " + held + " entries");
        h.a.elementAccess(writer, array, held, h.writeSite, true);
        long[] dense = aw.page(0);
        assertNotSame(ArrayWords.SPARSE, dense, "one more element makes the page dense");
        assertEquals(LENGTH * ThreadContext.WORDS_PER_ELEMENT + 1, dense.length);
        assertTrue(h.races().isEmpty());
        // Every write made while the page was sparse is still there: an unordered read of each one races.
        for (int i = 0; i <= held; i++) {
            h.a.elementAccess(reader, array, i, h.site(20 + i), false);
        }
        List<Race> races = h.races();
        assertEquals(held + 1, races.size(), "one race per element written before, sparse or dense");
    }

    @Test
    void readersOfASharedElementSurviveTheMoveToADensePage() {
        Harness h = new Harness("quiet");
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        ThreadState writer = h.thread("writer");
        int[] array = new int[LENGTH];
        h.a.elementAccess(a, array, 5, h.readSite, false);
        h.a.elementAccess(b, array, 5, h.site(30), false);   // two unordered readers: the element is read-shared
        for (int i = 6; i < 6 + ArrayWords.SPARSE_MAX_ENTRIES; i++) {
            h.a.elementAccess(a, array, i, h.readSite, false);   // fills the store and makes the page dense
        }
        assertNotSame(ArrayWords.SPARSE, h.a.shadow().arrayWords(array).page(0));
        h.a.elementAccess(writer, array, 5, h.writeSite, true);
        List<Race> races = h.races();
        assertEquals(1, races.size(), "the write races with the readers kept from the sparse store: " + races);
    }

    @Test
    void aStoreCostsAFractionOfTheDensePageItStandsFor() {
        ArrayWords aw = new ArrayWords(new Object[48]);
        synchronized (aw) {
            long[] store = aw.sparseStore(7);
            assertTrue(store.length * 8 < 48 * ThreadContext.WORDS_PER_ELEMENT * 8 / 4,
                    "a new store is " + store.length + " longs");
            assertSame(store, aw.sparseStore(7), "an element keeps its entry");
        }
    }
}
