package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.agent.internal.meta.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Flows}' per-location logs against a reference model of the stale-write rule written the plain way (one
 * list of reads per location, a record per read, no ring, no skipped hand-off capture): random interleavings of
 * flows on one loop thread must get the same verdicts, with the same read and other-write sites, and a report
 * whose read was followed by a hand-off of its segment must say where the flow suspended. Also: each way of
 * finding a location's log (side-table state, an object's side record, an array's pages) finds one log per
 * location.
 */
class FlowsDifferentialTest {

    private static final int LOCATIONS = 3;
    private static final int SITES = 4;

    private final Harness h = new Harness("");
    private final ThreadState loop = h.thread("loop");

    /** A task object, as a submission hands one over. */
    private static final class Job implements Runnable {
        @Override
        public void run() {
        }
    }

    /** The reference model: the stale-write rule with unbounded, unskipped bookkeeping. */
    private static final class Reference {

        /** One task run; {@code handOffs} counts its hand-offs so far. */
        static final class Seg {
            final int flow;
            boolean claimed;
            int handOffs;

            Seg(int flow) {
                this.flow = flow;
            }
        }

        record Read(Seg seg, long writesBefore, int site, int handOffsBefore) {
        }

        static final class Loc {
            long writes;
            int writerFlow;
            int writerSite;
            final List<Read> reads = new ArrayList<>();
        }

        /** A verdict: the read and other-write sites, and whether a hand-off followed the read in its segment. */
        record Stale(int readSite, int otherSite, boolean handedOffAfterRead) {
        }

        final Loc[] locs = new Loc[LOCATIONS];
        int flows;
        Seg current;
        Seg candidate;

        Reference() {
            for (int i = 0; i < LOCATIONS; i++) {
                locs[i] = new Loc();
            }
        }

        void begin() {
            current = null;
            candidate = null;
        }

        void offered(Seg s) {
            if (current == null && !s.claimed) {
                candidate = s;
            }
        }

        Seg segment() {
            if (current == null) {
                if (candidate != null && !candidate.claimed) {
                    candidate.claimed = true;
                    current = new Seg(candidate.flow);
                } else {
                    current = new Seg(++flows);
                }
                candidate = null;
            }
            return current;
        }

        Seg handOff() {
            Seg s = segment();
            s.handOffs++;
            return s;
        }

        private static Read remove(Loc loc, int flow) {
            for (int i = loc.reads.size() - 1; i >= 0; i--) {
                if (loc.reads.get(i).seg.flow == flow) {
                    return loc.reads.remove(i);
                }
            }
            return null;
        }

        Stale access(int location, boolean isWrite, int site, int keptReads) {
            Seg seg = segment();
            Loc loc = locs[location];
            Read earlier = remove(loc, seg.flow);
            if (!isWrite) {
                if (loc.reads.size() == keptReads) {
                    loc.reads.remove(0);
                }
                loc.reads.add(new Read(seg, loc.writes, site, seg.handOffs));
                return null;
            }
            Stale stale = null;
            if (earlier != null && earlier.seg != seg && loc.writes > earlier.writesBefore
                    && loc.writerFlow != seg.flow) {
                stale = new Stale(earlier.site, loc.writerSite, earlier.seg.handOffs > earlier.handOffsBefore);
            }
            loc.writes++;
            loc.writerFlow = seg.flow;
            loc.writerSite = site;
            return stale;
        }
    }

    private record Pending(Flows.Segment segment, Reference.Seg reference) {
    }

    @Test
    void verdictsMatchTheReferenceModelOnRandomInterleavings() {
        int stale = 0;
        for (int seed = 0; seed < 300; seed++) {
            stale += run(seed);
        }
        assertTrue(stale > 100, "the generator must produce stale writes too: " + stale);
    }

    private int run(int seed) {
        Random rnd = new Random(seed);
        Flows flows = new Flows(8);
        Reference ref = new Reference();
        Flows.Location[] locs = new Flows.Location[LOCATIONS];
        for (int i = 0; i < LOCATIONS; i++) {
            locs[i] = new Flows.Location();
        }
        // Few flows keep reads of all of them; many overflow the ring of eight and exercise its eviction.
        int maxPending = rnd.nextBoolean() ? 3 : 14;
        List<Pending> pending = new ArrayList<>();
        int stale = 0;
        for (int task = 0; task < 60; task++) {
            Job job = new Job();
            ThreadState t = h.a.taskBegin(loop, job, null, false);
            ref.begin();
            if (!pending.isEmpty() && rnd.nextInt(4) != 0) {
                Pending p = pending.remove(rnd.nextInt(pending.size()));
                flows.offered(t, p.segment);
                ref.offered(p.reference);
            }
            int steps = 1 + rnd.nextInt(5);
            for (int step = 0; step < steps; step++) {
                if (rnd.nextInt(4) == 0) {
                    if (pending.size() < maxPending) {
                        pending.add(new Pending(flows.handOff(t), ref.handOff()));
                    }
                    continue;
                }
                int location = rnd.nextInt(LOCATIONS);
                boolean write = rnd.nextBoolean();
                int site = 100 + rnd.nextInt(SITES);
                Flows.StaleWrite actual = flows.access(t, locs[location], write, site, new LockRef[0]);
                Reference.Stale expected = ref.access(location, write, site, 8);
                String where = "seed " + seed + ", task " + task + ", step " + step;
                if (expected == null) {
                    assertNull(actual, where + ": no stale write expected");
                    continue;
                }
                assertNotNull(actual, where + ": stale write expected " + expected);
                stale++;
                assertEquals(expected.readSite(), actual.readSite(), where);
                assertEquals(expected.otherSite(), actual.otherSite(), where);
                if (expected.handedOffAfterRead()) {
                    assertFalse(actual.suspendedAt().isEmpty(), where + ": the suspension point is known");
                }
            }
            h.a.taskEnd(t, job);
        }
        return stale;
    }

    @Test
    void aHandOffPointIsCapturedOnlyForASegmentHoldingALiveRead() {
        Flows flows = new Flows(8);
        Flows.Location loc = new Flows.Location();
        Job job = new Job();
        ThreadState t = h.a.taskBegin(loop, job, null, false);
        Flows.Segment s = flows.handOff(t);
        assertNull(s.handedOffAt, "nothing read yet: no stack");
        flows.access(t, loc, false, 100, new LockRef[0]);
        flows.access(t, loc, true, 101, new LockRef[0]);
        assertSame(s, flows.handOff(t));
        assertNull(s.handedOffAt, "the read was consumed by the segment's own write");
        flows.access(t, loc, false, 102, new LockRef[0]);
        flows.handOff(t);
        assertNotNull(s.handedOffAt, "a live read: where the flow went on is kept");
        h.a.taskEnd(t, job);
    }

    @Test
    void eachLocationHasOneLogFoundTheSameWayEveryTime() {
        VarState v = new VarState();
        assertSame(Flows.location(v), Flows.location(v));
        assertNotSame(Flows.location(v), Flows.location(new VarState()));

        int[] array = new int[700];
        ArrayWords aw = new ArrayWords(array);
        assertSame(Flows.elementLocation(aw, array, 3), Flows.elementLocation(aw, array, 3));
        assertSame(Flows.elementLocation(aw, array, 699), Flows.elementLocation(aw, array, 699));
        assertNotSame(Flows.elementLocation(aw, array, 3), Flows.elementLocation(aw, array, 4));
        assertNotSame(Flows.elementLocation(aw, array, 3), Flows.elementLocation(aw, array, 259));

        assertTrue(WordShadow.supported(), "jdk.internal.misc must be exported to the tests (see agent/pom.xml)");
        Metadata meta = new Metadata();
        String owner = WordsDifferentialTest.Cell.class.getName();
        int a = meta.field(owner, "a", "I", false, false);
        int b = meta.field(owner, "b", "J", false, false);
        meta.markWords(a);
        meta.markWords(b);
        WordShadow words = new WordShadow(meta, new ThreadRegistry(Detector.DEFAULT_REUSE_AFTER, 0, 8));
        WordsDifferentialTest.Cell c1 = new WordsDifferentialTest.Cell();
        WordsDifferentialTest.Cell c2 = new WordsDifferentialTest.Cell();
        Flows.Location a1 = Flows.fieldLocation(c1, words.layout(c1, a), a);
        Flows.Location b1 = Flows.fieldLocation(c1, words.layout(c1, b), b);
        assertSame(a1, Flows.fieldLocation(c1, words.layout(c1, a), a));
        assertSame(b1, Flows.fieldLocation(c1, words.layout(c1, b), b));
        assertNotSame(a1, b1);
        assertNotSame(a1, Flows.fieldLocation(c2, words.layout(c2, a), a));
    }
}
