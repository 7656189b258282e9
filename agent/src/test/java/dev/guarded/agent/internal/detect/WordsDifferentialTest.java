package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.options.AgentOptions;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.report.Access;
import dev.guarded.report.Race;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shadow-word path must give exactly the verdicts of the side-table path: random programs of thread
 * starts and joins, monitors, release/acquire pairs, field and array-element accesses run through two
 * detectors, one keeping each location in the side tables, the other in the words of the objects themselves
 * and in array word pages, and the two must report
 * the same races with the same threads, sites and locks, in the same order. The words path runs as instrumented
 * code does, the inline checks first.
 */
class WordsDifferentialTest {

    /** A class laid out as the instrumenter lays out one with words: two fields, their words, the side slot. */
    static final class Cell {
        int a;
        long b;
        transient long guarded$w$a;
        transient long guarded$r$a;
        transient long guarded$s$a;
        transient long guarded$w$b;
        transient long guarded$r$b;
        transient long guarded$s$b;
        transient Object guarded$side;
    }

    private static final int CELLS = 3;
    private static final int LOCKS = 2;
    private static final int SYNCS = 2;
    private static final int MAX_THREADS = 6;

    @Test
    void wordsAndTablesReportTheSameRaces() {
        assertTrue(WordShadow.supported(), "jdk.internal.misc must be exported to the tests (see agent/pom.xml)");
        int withRaces = 0;
        for (int seed = 0; seed < 400; seed++) {
            if (run(seed) > 0) {
                withRaces++;
            }
        }
        assertTrue(withRaces > 100, "the generator must produce racy programs too: " + withRaces);
    }

    private static int run(int seed) {
        Random rnd = new Random(seed);
        Metadata meta = new Metadata();
        String owner = Cell.class.getName();
        int[] fields = {meta.field(owner, "a", "I", false, false), meta.field(owner, "b", "J", false, false)};
        for (int f : fields) {
            meta.markWords(f);
        }
        int[] sites = new int[6];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = meta.site("com.acme.Program", "step", "Program.java", 10 + i);
        }
        RaceAnalysis tables = detector(meta);
        RaceAnalysis words = detector(meta);
        List<Thread> threads = new ArrayList<>();
        List<ThreadState[]> states = new ArrayList<>();
        List<int[]> held = new ArrayList<>();
        List<Boolean> finished = new ArrayList<>();
        Thread main = new Thread(() -> { }, "t0");
        threads.add(main);
        states.add(new ThreadState[] {tables.registry().stateOf(main), words.registry().stateOf(main)});
        held.add(new int[LOCKS]);
        finished.add(false);
        Cell[] cells = new Cell[CELLS];
        for (int i = 0; i < CELLS; i++) {
            cells[i] = new Cell();
        }
        // One array over two pages of element words (the second partly filled), one too small to start sparse,
        // and one whose page starts sparse and, touched at a dozen elements, turns dense in the middle of a run.
        int page = 1 << ThreadContext.PAGE_BITS;
        int[][] arrays = {new int[page + page / 2 + 88], new int[3], new int[ArrayWords.SPARSE_MIN_ELEMENTS * 3]};
        Object[] locks = {new Object(), new Object()};
        Object[] syncs = {new Object(), new Object()};
        for (int step = 0; step < 300; step++) {
            int t = rnd.nextInt(threads.size());
            if (finished.get(t)) {
                continue;
            }
            ThreadState[] s = states.get(t);
            int op = rnd.nextInt(14);
            if (op == 0 && threads.size() < MAX_THREADS) {
                Thread child = new Thread(() -> { }, "t" + threads.size());
                threads.add(child);
                states.add(new ThreadState[] {tables.threadStarting(s[0], child), words.threadStarting(s[1], child)});
                held.add(new int[LOCKS]);
                finished.add(false);
            } else if (op == 1 && t != 0 && sum(held.get(t)) == 0) {
                finished.set(t, true);           // the thread ends; someone may join it later
            } else if (op == 2) {
                int u = rnd.nextInt(threads.size());
                if (u != t && finished.get(u)) {
                    tables.threadTerminated(s[0], threads.get(u), true);
                    words.threadTerminated(s[1], threads.get(u), true);
                }
            } else if (op == 3 || op == 4) {
                int l = rnd.nextInt(LOCKS);
                if (op == 3) {
                    tables.lockAcquired(s[0], locks[l]);
                    words.lockAcquired(s[1], locks[l]);
                    held.get(t)[l]++;
                } else if (held.get(t)[l] > 0) {
                    tables.lockReleasing(s[0], locks[l]);
                    words.lockReleasing(s[1], locks[l]);
                    held.get(t)[l]--;
                }
            } else if (op == 5) {
                int k = rnd.nextInt(SYNCS);
                tables.release(s[0], syncs[k], 0);
                words.release(s[1], syncs[k], 0);
            } else if (op == 6) {
                int k = rnd.nextInt(SYNCS);
                tables.acquire(s[0], syncs[k], 0);
                words.acquire(s[1], syncs[k], 0);
            } else if ((op == 7 || op == 8) && rnd.nextInt(8) == 0) {
                // An index past the array's end, in its last page: the program's own access throws, so the
                // inline check must answer "not covered" rather than read outside the page's words.
                int[] array = arrays[rnd.nextInt(arrays.length)];
                int index = array.length + rnd.nextInt(page - array.length % page);
                assertFalse(Hooks.elementCovered(array, index, s[1], rnd.nextInt(2)),
                        "seed " + seed + ": index " + index + " of an array of " + array.length);
            } else if (op == 7 || op == 8) {
                int[] array = arrays[rnd.nextInt(arrays.length)];
                int index = array.length == ArrayWords.SPARSE_MIN_ELEMENTS * 3
                        ? rnd.nextInt(ArrayWords.SPARSE_MAX_ENTRIES + 4)
                        : rnd.nextBoolean() ? rnd.nextInt(array.length) : rnd.nextInt(3) * page % array.length;
                int site = sites[rnd.nextInt(sites.length)];
                boolean write = rnd.nextInt(3) == 0;
                tables.access(s[0], tables.shadow().element(array, index), write, site, -1, array.getClass());
                // As instrumented code does: the inline check first, the detector only when it cannot answer.
                if (!Hooks.elementCovered(array, index, s[1], write ? 0 : 1)) {
                    words.elementAccess(s[1], array, index, site, write);
                }
            } else {
                Cell c = cells[rnd.nextInt(CELLS)];
                int f = fields[rnd.nextInt(fields.length)];
                int site = sites[rnd.nextInt(sites.length)];
                boolean write = rnd.nextInt(3) == 0;
                tables.access(s[0], tables.shadow().field(c, f), write, site, f, null);
                // As instrumented code does: the inline check first (Hooks.fieldRead/fieldWrite), the detector
                // only when it cannot answer: a same-epoch word, or a shared field this thread read in this epoch.
                long word = word(c, f == fields[0], write);
                boolean answered = word == s[1].accessEpoch || !write && Hooks.sharedReadKnown(word, s[1]);
                if (!answered) {
                    words.wordAccess(s[1], c, f, site, write);
                }
            }
        }
        List<String> expected = describe(tables.reporter().snapshot().races());
        List<String> actual = describe(words.reporter().snapshot().races());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "seed " + seed + ", report " + i);
        }
        assertEquals(expected.size(), actual.size(), "seed " + seed + ": number of reports");
        return expected.size();
    }

    /** The word instrumented code loads before the check: the field's write word or read word. */
    private static long word(Cell c, boolean fieldA, boolean write) {
        if (fieldA) {
            return write ? c.guarded$w$a : c.guarded$r$a;
        }
        return write ? c.guarded$w$b : c.guarded$r$b;
    }

    private static RaceAnalysis detector(Metadata meta) {
        return new Detector(AgentOptions.parse("quiet"), meta, new PrintStream(new ByteArrayOutputStream()), false,
                Detector.DEFAULT_REUSE_AFTER).analysis();
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    /** Everything a report says but the current stack (which differs between the two calls in this test). */
    private static List<String> describe(List<Race> races) {
        List<String> out = new ArrayList<>();
        for (Race r : races) {
            StringBuilder sb = new StringBuilder(r.kind()).append(' ').append(r.field());
            for (Access a : r.accesses()) {
                sb.append(" | ").append(a.op()).append(' ').append(a.thread()).append(' ').append(a.locks())
                        .append(" at ").append(a.frames().get(0));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
