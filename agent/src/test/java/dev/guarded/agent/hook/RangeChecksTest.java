package dev.guarded.agent.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run-time side of loop range checks ({@link Hooks#elementRangeRead}, {@link Hooks#elementRangeWrite}): which
 * elements reach the detector, the memo of ranges already checked in the current epoch, and the growth of the
 * recent-array cache they rely on.
 */
class RangeChecksTest {

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    /** A context of a thread in some epoch, whose array caches hold nothing: every element reaches the listener. */
    private static ThreadContext inEpoch(long epoch) {
        ThreadContext context = new ThreadContext();
        context.accessEpoch = epoch;
        return context;
    }

    @Test
    void aRangeCheckedInFullIsNotCheckedAgainInTheSameEpoch() {
        Hooks.install(new Recording());
        int[] array = new int[10];
        ThreadContext context = inEpoch(42);
        Hooks.elementRangeWrite(array, 2, 5, context, 0);
        assertEquals(List.of("write 2", "write 3", "write 4"), calls);

        calls.clear();
        Hooks.elementRangeWrite(array, 2, 5, context, 0);
        Hooks.elementRangeWrite(array, 3, 4, context, 0);
        Hooks.elementRangeRead(array, 2, 5, context, 0);
        assertEquals(List.of(), calls, "the same range, a part of it, and reads of it: same-epoch checks");

        Hooks.elementRangeWrite(array, 2, 6, context, 0);
        assertEquals(List.of("write 2", "write 3", "write 4", "write 5"), calls, "a wider range is checked");

        calls.clear();
        Hooks.elementRangeWrite(new int[10], 2, 5, context, 0);
        assertEquals(3, calls.size(), "another array is checked");

        calls.clear();
        context.accessEpoch = 43;
        Hooks.elementRangeWrite(array, 2, 5, context, 0);
        assertEquals(3, calls.size(), "a new epoch checks again");
    }

    @Test
    void readRangesDoNotCoverWrites() {
        Hooks.install(new Recording());
        int[] array = new int[4];
        ThreadContext context = inEpoch(7);
        Hooks.elementRangeRead(array, 0, 4, context, 0);
        calls.clear();
        Hooks.elementRangeRead(array, 0, 4, context, 0);
        assertEquals(List.of(), calls);
        Hooks.elementRangeWrite(array, 0, 2, context, 0);
        assertEquals(List.of("write 0", "write 1"), calls, "a read's epoch says nothing of a write");
    }

    @Test
    void noMemoWithoutAnEpochOrWhenTheCheckStartedOne() {
        int[] array = new int[3];
        ThreadContext untracked = inEpoch(ThreadContext.NO_EPOCH);
        Hooks.install(new Recording());
        Hooks.elementRangeRead(array, 0, 3, untracked, 0);
        Hooks.elementRangeRead(array, 0, 3, untracked, 0);
        assertEquals(6, calls.size(), "a thread with no epoch (ignored, or a tick pending) is always checked");

        calls.clear();
        ThreadContext ticking = inEpoch(5);
        Hooks.install(new Recording() {
            @Override
            public void elementRead(Object a, int index, ThreadContext c, int site) {
                super.elementRead(a, index, c, site);
                c.accessEpoch = 6;   // the detector started a new epoch during the check
            }
        });
        Hooks.elementRangeRead(array, 0, 3, ticking, 0);
        Hooks.elementRangeRead(array, 0, 3, ticking, 0);
        assertEquals(6, calls.size(), "a range checked across two epochs is remembered in neither");
    }

    @Test
    void theRecentArrayCacheGrowsForAThreadThatWalksManyArrays() {
        ThreadContext context = inEpoch(1);
        long[] page = new long[3 * 4 + 1];
        int[][] rows = new int[200][4];
        for (int round = 0; round < ThreadContext.GROW_AFTER / rows.length + 2; round++) {
            for (int[] row : rows) {
                if (!context.recall(row, 0)) {
                    context.remember(row, 0, page, null);
                }
            }
        }
        assertEquals(ThreadContext.RECENT_GROWN, context.recentArrays.length);
        int found = 0;
        for (int[] row : rows) {
            found += context.recall(row, 0) ? 1 : 0;
        }
        assertTrue(found > rows.length / 2, "most of 200 rows stay cached once it grew: " + found);
    }

    private class Recording extends HookListener.Silent {
        @Override public void elementRead(Object a, int index, ThreadContext c, int site) { calls.add("read " + index); }
        @Override public void elementWrite(Object a, int index, ThreadContext c, int site) {
            calls.add("write " + index);
        }
    }
}
