package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Race;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read sets drop the readers their newest reader already knows. The verdicts must be FastTrack's all the same:
 * a write races exactly when some read it does not know exists, dropped or not. Run on both homes of a read
 * set: a field in the side tables (which also keep each reader's thread and locks) and an array element's
 * shadow words (which find the thread from the epoch).
 */
class ReadSetTest {

    /** Where the shared location lives. */
    enum Location {
        FIELD, ELEMENT
    }

    private final Harness h = new Harness("quiet");
    private final Object counter = new Object();
    private final int[] array = new int[8];

    private void read(Location where, ThreadState t, int line) {
        if (where == Location.FIELD) {
            h.read(t, counter, h.site(line));
        } else {
            h.a.elementAccess(t, array, 5, h.site(line), false);
        }
    }

    private void write(Location where, ThreadState t, int line) {
        if (where == Location.FIELD) {
            h.write(t, counter, h.site(line));
        } else {
            h.a.elementAccess(t, array, 5, h.site(line), true);
        }
    }

    private ReadSet readSet(Location where) {
        return where == Location.FIELD ? h.a.shadow().field(counter, h.field).shared
                : h.a.shadow().arrayWords(array).readSet(5, false);
    }

    /** {@code later} acquires what {@code earlier} released: everything {@code earlier} did happens-before. */
    private void order(ThreadState earlier, ThreadState later, Object channel) {
        h.a.release(earlier, channel, 0);
        h.a.acquire(later, channel, 0);
    }

    /** {@code length} readers at {@code line}, each ordered after the one before. @return the last one */
    private ThreadState readChain(Location where, int length, int line) {
        ThreadState previous = null;
        for (int i = 0; i < length; i++) {
            ThreadState next = h.thread("chain-" + i);
            if (previous != null) {
                order(previous, next, "link" + i);
            }
            read(where, next, line);
            previous = next;
        }
        return previous;
    }

    /**
     * A chain of readers, each ordered after the one before, beside one reader concurrent with all of them: the
     * set keeps two readers, in its own fields, however long the chain (it kept every reader, and grew).
     */
    @ParameterizedTest
    @EnumSource(Location.class)
    void aChainOfOrderedReadersKeepsTheSmallestSet(Location where) {
        ThreadState aside = h.thread("aside");
        read(where, aside, 10);
        readChain(where, 200, 11);
        ReadSet rs = readSet(where);
        assertNotNull(rs, "two concurrent readers make the location read-shared");
        assertEquals(2, rs.capacity(), "only the readers no later reader knows are kept, in the set's own fields");
        assertTrue(h.races().isEmpty());
    }

    /** A new reader takes the place of a read it knows, never of one it does not. */
    @ParameterizedTest
    @EnumSource(Location.class)
    void aReaderReplacesOnlyTheReadsItKnows(Location where) {
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        read(where, a, 70);
        read(where, b, 71);
        ThreadState c = h.thread("c");
        order(a, c, "a");              // c knows a's read, not b's
        read(where, c, 72);
        ThreadState writer = h.thread("writer");
        order(c, writer, "c");
        write(where, writer, 73);
        assertEquals(1, h.races().size(), "b's read is still there: " + h.output());
        assertEquals("b", h.races().get(0).accesses().get(1).thread());
    }

    /** Once concurrent readers made a table, it too drops the readers a new reader knows instead of growing. */
    @ParameterizedTest
    @EnumSource(Location.class)
    void aTableAlsoDropsTheReadersItsReaderKnows(Location where) {
        List<ThreadState> earlier = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ThreadState r = h.thread("concurrent-" + i);
            earlier.add(r);
            read(where, r, 80 + i);
        }
        assertEquals(4, readSet(where).capacity(), "three concurrent readers need a table");
        for (int i = 0; i < 50; i++) {
            ThreadState next = h.thread("chain-" + i);
            for (int k = 0; k < earlier.size(); k++) {
                order(earlier.get(k), next, "c" + i + "-" + k);
            }
            read(where, next, 90);
            earlier = List.of(next);
        }
        assertEquals(4, readSet(where).capacity(), "one reader at a time after the first three");
        assertTrue(h.races().isEmpty());
    }

    /** Readers that are all concurrent are all kept: the set grows, and a write that knows one of them races. */
    @ParameterizedTest
    @EnumSource(Location.class)
    void concurrentReadersAreAllKept(Location where) {
        List<ThreadState> readers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ThreadState r = h.thread("reader-" + i);
            readers.add(r);
            read(where, r, 20 + i);
        }
        assertTrue(readSet(where).capacity() >= 32, "20 readers at most three quarters full");
        ThreadState writer = h.thread("writer");
        for (int i = 1; i < 20; i++) {
            order(readers.get(i), writer, "r" + i);
        }
        write(where, writer, 50);
        assertEquals(1, h.races().size(), "the one reader the writer does not know, the first");
        assertEquals(20, h.races().get(0).accesses().get(1).site().line());
        assertEquals("reader-0", h.races().get(0).accesses().get(1).thread());
    }

    /**
     * A write that does not know a dropped read cannot know the read that dropped it either: it races, with the
     * read that is kept.
     */
    @ParameterizedTest
    @EnumSource(Location.class)
    void aWriteConcurrentWithADroppedReadStillRaces(Location where) {
        ThreadState aside = h.thread("aside");
        ThreadState first = h.thread("first");
        ThreadState second = h.thread("second");
        ThreadState third = h.thread("third");
        read(where, aside, 30);
        read(where, first, 31);
        order(first, second, "a");
        read(where, second, 32);      // the set is full now (three readers)
        order(second, third, "b");
        read(where, third, 33);       // drops first's and second's reads, which third knows
        assertEquals(2, readSet(where).capacity());
        ThreadState writer = h.thread("writer");
        order(aside, writer, "c");    // knows aside's read only: first's, second's and third's are unordered
        write(where, writer, 40);
        assertEquals(1, h.races().size());
        Race race = h.races().get(0);
        assertEquals(33, race.accesses().get(1).site().line(), "reported with the read that is kept");
        assertEquals("third", race.accesses().get(1).thread());
    }

    /** A write that knows every kept reader knows the dropped ones through them: no race. */
    @ParameterizedTest
    @EnumSource(Location.class)
    void aWriteThatKnowsTheKeptReadersKnowsTheDroppedOnes(Location where) {
        ThreadState aside = h.thread("aside");
        read(where, aside, 30);
        ThreadState last = readChain(where, 10, 31);
        ThreadState writer = h.thread("writer");
        order(aside, writer, "x");
        order(last, writer, "y");
        write(where, writer, 40);
        assertTrue(h.races().isEmpty(), h.output());
    }

    /** The side tables keep each reader's locks in the set; a report names them. */
    @ParameterizedTest
    @EnumSource(value = Location.class, names = "FIELD")
    void theSideTablesKeepTheReadersLocks(Location where) {
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Object lock = new Object();
        h.a.lockAcquired(b, lock);
        read(where, a, 60);
        read(where, b, 61);
        h.a.lockReleasing(b, lock);
        ThreadState writer = h.thread("writer");
        order(a, writer, "a");
        write(where, writer, 62);
        assertEquals(1, h.races().size());
        assertEquals(61, h.races().get(0).accesses().get(1).site().line());
        assertEquals(1, h.races().get(0).accesses().get(1).locks().size(), h.output());
    }
}
