package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tasks as logical threads: the per-thread task stack, what a task knows, and slot reuse between tasks. */
class TaskSwitchTest {

    private final Harness h = new Harness("", Detector.DEFAULT_REUSE_AFTER, Detector.DEFAULT_QUARANTINE);

    @Test
    void twoTasksRunByOneWorkerOneAfterTheOtherAreNotOrdered() {
        ThreadState main = h.thread("main");
        ThreadState worker = h.thread("worker");
        Object first = new Object();
        Object second = new Object();
        Object shared = new Object();
        h.a.release(main, first, 0);
        h.a.release(main, second, 0);
        ThreadState a = h.a.taskBegin(worker, first, null, false);
        assertSame(a, worker.current, "the task is what the worker's hooks are charged to");
        h.write(a, shared);
        h.a.taskEnd(a, first);
        assertSame(worker, worker.current, "the worker is itself again");
        ThreadState b = h.a.taskBegin(worker, second, null, false);
        h.write(b, shared);
        h.a.taskEnd(b, second);
        assertEquals(1, h.races().size(), "nothing the program did orders the two tasks");
    }

    @Test
    void aTaskStartsFromItsSubmissionNotFromWhatTheSubmitterDidAfter() {
        ThreadState main = h.thread("main");
        ThreadState worker = h.thread("worker");
        Object task = new Object();
        Object before = new Object();
        Object after = new Object();
        h.write(main, before);
        h.a.release(main, task, 0);
        h.write(main, after);
        ThreadState t = h.a.taskBegin(worker, task, null, false);
        h.read(t, before);
        assertEquals(0, h.races().size(), "the write before the submission happens-before the task");
        h.read(t, after);
        assertEquals(1, h.races().size(), "the write after the submission does not");
    }

    @Test
    void aTaskDoesNotInheritWhatItsWorkerKnew() {
        ThreadState main = h.thread("main");
        ThreadState worker = h.thread("worker");
        Object shared = new Object();
        Object handOff = new Object();
        h.write(main, shared);
        h.a.release(main, handOff, 0);
        h.a.acquire(worker, handOff, 0);
        Object task = new Object();
        ThreadState t = h.a.taskBegin(worker, task, null, false);
        h.write(t, shared);
        assertEquals(1, h.races().size(), "the worker's own synchronization is not the task's");
    }

    @Test
    void aTaskRunByItsCallerStartsFromTheCallerAndTheCallerSeesItsEnd() {
        ThreadState caller = h.thread("caller");
        Object shared = new Object();
        Object outer = new Object();
        ThreadState t1 = h.a.taskBegin(caller, outer, null, false);
        h.write(t1, shared);
        Object inner = new Object();
        ThreadState t2 = h.a.taskBegin(t1, inner, null, true);
        assertSame(t2, caller.current);
        h.write(t2, shared);
        h.a.taskEnd(t2, inner);
        assertSame(t1, caller.current, "ending the inner task restores the outer one");
        h.read(t1, shared);
        assertEquals(0, h.races().size(), "a synchronous call is ordered both ways");
    }

    @Test
    void reEntryAndMismatchedEndsLeaveTheStackAsItWas() {
        ThreadState worker = h.thread("worker");
        Object key = new Object();
        ThreadState t = h.a.taskBegin(worker, key, null, false);
        assertNull(h.a.taskBegin(t, key, null, true), "beginning the running task again is a re-entry");
        h.a.taskEnd(t, key);
        assertSame(t, worker.current, "the re-entry ended, the task runs on");
        h.a.taskEnd(t, new Object());
        assertSame(t, worker.current, "an end for another task changes nothing");
        h.a.taskEnd(t, key);
        assertSame(worker, worker.current);
        h.a.taskEnd(worker, key);
        assertSame(worker, worker.current, "an end with no task running changes nothing");
    }

    @Test
    void aTaskEndIsReleasedIntoItsExecutor() {
        ThreadState main = h.thread("main");
        ThreadState worker = h.thread("worker");
        Object executor = new Object();
        Object task = new Object();
        Object shared = new Object();
        h.a.release(main, task, 0);
        ThreadState t = h.a.taskBegin(worker, task, executor, false);
        h.write(t, shared);
        h.a.taskEnd(t, task);
        h.a.acquire(main, executor, 0);
        h.read(main, shared);
        assertEquals(0, h.races().size(), "awaitTermination acquires the executor");
    }

    @Test
    void manyShortTasksReuseSlotsButBackToBackTasksNeverShareOne() {
        ThreadState main = h.thread("main");
        ThreadState worker = h.thread("worker");
        Object shared = new Object();
        int previousTid = -1;
        for (int i = 0; i < 100_000; i++) {
            Object task = new Object();
            h.a.release(main, task, 0);
            ThreadState t = h.a.taskBegin(worker, task, null, false);
            assertNotEquals(previousTid, t.tid, "task " + i + " took the slot of the task just before it");
            previousTid = t.tid;
            if (i >= 99_998) {
                h.write(t, shared);
            }
            h.a.taskEnd(t, task);
        }
        assertEquals(1, h.races().size(), "the last two tasks are not ordered, even after 100,000 slot reuses");
        int bound = Detector.DEFAULT_REUSE_AFTER + Detector.DEFAULT_QUARANTINE + 2;
        assertTrue(h.a.slots().created() <= bound, "slots created: " + h.a.slots().created());
        assertTrue(h.a.slots().reusedCount() > 99_000, "reused: " + h.a.slots().reusedCount());
    }
}
