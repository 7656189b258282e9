package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Race;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Async flows and stale writes, driven through {@link RaceAnalysis} on one simulated loop thread whose tasks are
 * ordered by a sequence object (as a single-thread executor orders them), so that no happens-before race
 * hides or adds to what the flow analysis finds.
 */
class FlowsTest {

    private final Harness h = new Harness("");
    private final ThreadState main = h.thread("main");
    private final ThreadState loop = h.thread("loop");
    private final Object sequence = new Object();
    private final Object shared = new Object();

    /** A task object: submissions into a Runnable are what hands a flow on. */
    private static final class Job implements Runnable {
        @Override
        public void run() {
        }
    }

    private Job submittedByMain() {
        Job job = new Job();
        h.a.release(main, job, 0);
        return job;
    }

    private ThreadState begin(Job job) {
        ThreadState t = h.a.taskBegin(loop, job, null, false);
        h.a.acquire(t, sequence, 0);
        return t;
    }

    private void end(ThreadState t, Job job) {
        h.a.release(t, sequence, 0);
        h.a.taskEnd(t, job);
    }

    /** The task hands its flow on by submitting {@code next}. */
    private static Job continueWith(Harness h, ThreadState t) {
        Job next = new Job();
        h.a.release(t, next, 0);
        return next;
    }

    /** Some earlier task handed a flow on: tracking is on from here. */
    private void activate() {
        Job job = submittedByMain();
        ThreadState t = begin(job);
        continueWith(h, t);
        end(t, job);
    }

    private List<Race> stale() {
        return h.races().stream().filter(r -> r.kind().equals(Race.STALE_WRITE)).toList();
    }

    @Test
    void interleavedFlowsOnOneThreadReportTheWriteBackWithItsThreeSites() {
        writeBacksOfResumedIncrement(false);
        assertEquals(1, h.races().size(), "one finding, and no happens-before race: " + h.output());
        Race race = stale().get(0);
        assertEquals("com.acme.Counter.value", race.field());
        assertEquals(List.of("write", "write", "read", Race.SUSPENDED),
                race.accesses().stream().map(a -> a.op()).toList());
        assertEquals(31, race.accesses().get(0).site().line(), "this write");
        assertEquals(30, race.accesses().get(1).site().line(), "the other flow's write in between");
        assertEquals(20, race.accesses().get(2).site().line(), "the read before the suspension");
        assertNotEquals(race.accesses().get(0).thread(), race.accesses().get(1).thread(), "two flows are named");
        assertEquals(race.accesses().get(0).thread(), race.accesses().get(2).thread(), "read and write-back: one flow");
        assertTrue(h.output().contains("stale write to field com.acme.Counter.value"), h.output());
    }

    @Test
    void aWriteThatCoversAReadInItsOwnSegmentIsNoWriteBack() {
        assertEquals(0, writeBacksOfResumedIncrement(true), "the covered read is this segment's own");
    }

    @Test
    void theSameWriteWithoutItsCoveredReadIsTheWriteBack() {
        assertEquals(1, writeBacksOfResumedIncrement(false));
    }

    /**
     * Flows A and B read (line 20), suspend, A writes (line 30), then B resumes and writes (line 31), all as
     * tasks on one thread; {@code covered}: B's write is a
     * {@code value++} whose read's check the instrumenter left out ({@code Hooks.COVERS_READ}), so it stores what
     * it read just now, not the value read before the flow suspended.
     *
     * @return the stale writes reported
     */
    private int writeBacksOfResumedIncrement(boolean covered) {
        Job a1 = submittedByMain();
        Job b1 = submittedByMain();
        ThreadState ta1 = begin(a1);
        h.read(ta1, shared, h.site(20));
        Job a2 = continueWith(h, ta1);
        end(ta1, a1);
        ThreadState tb1 = begin(b1);
        h.read(tb1, shared, h.site(20));
        Job b2 = continueWith(h, tb1);
        end(tb1, b1);
        ThreadState ta2 = begin(a2);
        h.write(ta2, shared, h.site(30));
        end(ta2, a2);
        assertEquals(List.of(), stale(), "flow A's write-back follows only its own read");
        ThreadState tb2 = begin(b2);
        tb2.coveredRead = covered;
        h.write(tb2, shared, h.site(31));
        tb2.coveredRead = false;
        end(tb2, b2);
        return stale().size();
    }

    @Test
    void aReadOfASegmentStillRunningIsNoReadBeforeASuspension() {
        // A fork/join task forks its continuation and goes on: both segments of its flow run at once
        Job p1 = submittedByMain();
        Job g1 = submittedByMain();
        ThreadState parent = begin(p1);
        Job child = continueWith(h, parent);
        ThreadState tc = begin(child);
        h.read(tc, shared, h.site(20));
        h.read(parent, shared, h.site(21));   // the parent, still running, reads after the child did
        ThreadState tg = begin(g1);
        h.write(tg, shared, h.site(22));
        end(tg, g1);
        h.write(tc, shared, h.site(23));
        end(tc, child);
        end(parent, p1);
        assertEquals(List.of(), stale(), "the parent's read was not made before its flow suspended");
    }

    @Test
    void flowsThatRunOneAfterTheOtherAreClean() {
        Job a1 = submittedByMain();
        ThreadState ta1 = begin(a1);
        h.read(ta1, shared);
        Job a2 = continueWith(h, ta1);
        end(ta1, a1);
        ThreadState ta2 = begin(a2);
        h.write(ta2, shared);
        Job b1 = continueWith(h, ta2);   // the next flow starts only after this one wrote
        end(ta2, a2);
        ThreadState tb1 = begin(b1);
        h.read(tb1, shared);
        Job b2 = continueWith(h, tb1);
        end(tb1, b1);
        ThreadState tb2 = begin(b2);
        h.write(tb2, shared);
        end(tb2, b2);
        assertEquals(List.of(), h.races());
    }

    @Test
    void readAndWriteWithoutASuspensionBetweenAreClean() {
        Job a1 = submittedByMain();
        Job b1 = submittedByMain();
        ThreadState ta1 = begin(a1);
        Job a2 = continueWith(h, ta1);
        end(ta1, a1);
        ThreadState tb1 = begin(b1);
        Job b2 = continueWith(h, tb1);
        end(tb1, b1);
        for (Job job : new Job[] {a2, b2}) {
            ThreadState t = begin(job);
            h.read(t, shared);
            h.write(t, shared);
            end(t, job);
        }
        assertEquals(List.of(), h.races());
    }

    @Test
    void aBlindWriteAfterTheFlowsOwnEarlierWriteIsNotStale() {
        assertEquals(0, staleAfterSuspension(t -> {
            h.read(t, shared);
            h.write(t, shared);   // the read is consumed by the flow's own write in the same segment
        }));
    }

    @Test
    void theSameWriteAfterAReadOnlyIsTheWriteBack() {
        assertEquals(1, staleAfterSuspension(t -> h.read(t, shared)));
    }

    /**
     * The instrumented code's view of {@link #aBlindWriteAfterTheFlowsOwnEarlierWriteIsNotStale}: the segment
     * writes, reads back and writes again; the last write would be answered inline unless the log asked for it
     * ({@code accessEpoch}), and the flow's blind write after another flow's write is then no write-back.
     */
    @Test
    void aWriteAfterAReadBackIsSeenSoTheFlowsBlindWriteIsNotStale() {
        assertEquals(0, staleAfterSuspension(t -> {
            h.write(t, shared);
            h.read(t, shared);
            if (t.accessEpoch != t.epoch) {   // what the inline check of the write compares with
                h.write(t, shared);
            }
        }), h.output());
    }

    /**
     * Flow A runs {@code firstSegment} and suspends, flow B writes, A resumes and writes without reading: tasks on
     * one thread, tracking on from the start.
     *
     * @return the stale writes reported
     */
    private int staleAfterSuspension(java.util.function.Consumer<ThreadState> firstSegment) {
        activate();
        Job a1 = submittedByMain();
        Job b1 = submittedByMain();
        ThreadState ta1 = begin(a1);
        firstSegment.accept(ta1);
        Job a2 = continueWith(h, ta1);
        end(ta1, a1);
        ThreadState tb1 = begin(b1);
        h.write(tb1, shared);
        end(tb1, b1);
        ThreadState ta2 = begin(a2);
        h.write(ta2, shared);
        end(ta2, a2);
        return stale().size();
    }

    /**
     * A read a segment makes after its own write, in the same epoch, reaches the log when the read word holds
     * another epoch; the instrumented code would answer the write after it inline, and that write alone takes
     * the read out of the log. So the log turns the task's inline checks off until the write arrives.
     */
    @Test
    void aReadBackOfTheEpochsOwnWriteSendsTheNextWriteToTheDetector() {
        activate();
        Job a1 = submittedByMain();
        ThreadState ta1 = begin(a1);
        h.write(ta1, shared);
        assertEquals(ta1.epoch, ta1.accessEpoch, "a write: inline checks stay on");
        h.read(ta1, shared);
        assertEquals(ThreadState.NO_EPOCH, ta1.accessEpoch, "the next write must reach the log");
        long epoch = ta1.epoch;
        h.write(ta1, shared);
        assertEquals(epoch, ta1.epoch, "no new epoch");
        assertEquals(ta1.epoch, ta1.accessEpoch, "the write arrived: inline checks are back");
        Object other = new Object();
        Object third = new Object();
        Object idle = new Object();
        h.write(ta1, other);
        h.write(ta1, third);
        h.read(ta1, other);                 // awaited from here
        h.read(ta1, third);                 // slow access 1 of the wait
        h.write(ta1, third);                // 2
        assertEquals(ThreadState.NO_EPOCH, ta1.accessEpoch, "the write of the other location is still awaited");
        for (int i = 3; i <= ThreadState.AWAIT_BUDGET; i++) {
            h.read(ta1, i % 2 == 0 ? third : idle);
        }
        assertEquals(epoch, ta1.epoch, "the wait lasts its budget of accesses; reading on does not extend it");
        h.read(ta1, idle);
        assertEquals(null, ta1.awaitedWrite, "a write that does not come ends the epoch");
        assertNotEquals(epoch, ta1.epoch);
        assertEquals(ta1.epoch, ta1.accessEpoch);
        h.write(ta1, other);
        h.read(ta1, other);
        assertEquals(ThreadState.NO_EPOCH, ta1.accessEpoch);
        continueWith(h, ta1);
        h.read(ta1, new Object());
        assertEquals(null, ta1.awaitedWrite, "an epoch that ends stops waiting");
        assertEquals(ta1.epoch, ta1.accessEpoch);
        end(ta1, a1);
    }

    @Test
    void onlyTheFirstTaskToContinueASegmentJoinsItsFlow() {
        activate();
        Job g = submittedByMain();
        ThreadState tg = begin(g);
        h.read(tg, shared);
        Job first = continueWith(h, tg);
        Job second = continueWith(h, tg);   // a task that submits many: only one continues it
        end(tg, g);
        ThreadState t1 = begin(first);
        h.read(t1, new Object());
        end(t1, first);
        ThreadState t2 = begin(second);
        h.write(t2, shared, h.site(40));
        end(t2, second);
        assertEquals(List.of(), stale(), "the second submission is a flow of its own, which read nothing");
        assertEquals(tg.flowSegment.flow, t1.flowSegment.flow, "the first continued the flow");
        assertNotEquals(tg.flowSegment.flow, t2.flowSegment.flow);
    }

    @Test
    void aStageContinuesTheFlowThatCompletedItsSourceNotTheOneThatRegisteredIt() {
        activate();
        Job registrar = submittedByMain();
        Job source = submittedByMain();
        ThreadState reg = begin(registrar);
        Job stage = new Job();
        h.a.release(reg, stage, 0);      // registration of the dependent stage
        end(reg, registrar);
        ThreadState src = begin(source);
        Object future = new java.util.concurrent.CompletableFuture<Void>();
        h.read(src, shared);
        h.a.release(src, future, 0);     // completion of the stage's source
        end(src, source);
        Job otherJob = submittedByMain();
        ThreadState other = begin(otherJob);
        h.write(other, shared);
        end(other, otherJob);
        ThreadState st = h.a.taskBegin(loop, stage, null, false);
        h.a.acquire(st, sequence, 0);
        h.a.acquire(st, stage, 0);
        h.a.acquire(st, future, 0);
        h.write(st, shared);
        assertEquals(src.flowSegment.flow, st.flowSegment.flow);
        assertEquals(1, stale().size(), h.output());
    }

    @Test
    void tasksThatHandNothingOnAreNotTracked() {
        for (int i = 0; i < 3; i++) {
            Job job = submittedByMain();
            ThreadState t = begin(job);
            h.read(t, shared);
            h.write(t, shared);
            end(t, job);
            assertEquals(null, t.flowSegment, "no flow is settled while no task hands one on");
        }
        assertEquals(List.of(), h.races());
    }
}
