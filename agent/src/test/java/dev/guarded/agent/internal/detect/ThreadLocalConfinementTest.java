package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A value reached through a {@code ThreadLocal} is confined to one physical thread: two tasks that run one after
 * the other on the same worker and use the same ThreadLocal are ordered at the second one's use, and nothing
 * else is (another ThreadLocal, another worker, accesses before the use).
 */
class ThreadLocalConfinementTest {

    private final Harness h = new Harness("", Detector.DEFAULT_REUSE_AFTER, Detector.DEFAULT_QUARANTINE);
    private final ThreadState worker = h.thread("worker");
    private final Object threadLocal = new Object();
    /** The per-thread value the ThreadLocal holds on {@code worker}, e.g. a cached SimpleDateFormat. */
    private final Object buffer = new Object();

    private ThreadState task(ThreadState on) {
        return h.a.taskBegin(on, new Object(), null, false);
    }

    @Test
    void tasksOnOneWorkerThatUseTheSameThreadLocalAreOrderedAtItsUse() {
        ThreadState first = task(worker);
        h.a.threadLocalUsed(first, threadLocal);
        h.write(first, buffer);
        h.a.taskEnd(first, first.taskKey);
        ThreadState second = task(worker);
        h.a.threadLocalUsed(second, threadLocal);
        h.write(second, buffer);
        h.a.taskEnd(second, second.taskKey);
        assertEquals(0, h.races().size(), "the buffer never left the worker");
    }

    @Test
    void aTaskThatUsesTheThreadLocalUnderAnotherTaskIsOrderedAfterWhatThatTaskDidSoFar() {
        ThreadState outer = task(worker);
        h.a.threadLocalUsed(outer, threadLocal);
        h.write(outer, buffer);
        ThreadState inner = task(outer);
        h.a.threadLocalUsed(inner, threadLocal);
        h.write(inner, buffer);
        h.a.taskEnd(inner, inner.taskKey);
        assertEquals(0, h.races().size(), "the inner task runs after the outer one's write on the same thread");
        h.a.threadLocalUsed(outer, threadLocal);
        h.write(outer, buffer);
        assertEquals(0, h.races().size(), "and the outer one, using the ThreadLocal again, after the inner one");
    }

    @Test
    void accessesBeforeTheUseAreNotOrdered() {
        Object shared = new Object();
        ThreadState first = task(worker);
        h.a.threadLocalUsed(first, threadLocal);
        h.write(first, shared);
        h.a.taskEnd(first, first.taskKey);
        ThreadState second = task(worker);
        h.write(second, shared);
        assertEquals(1, h.races().size(), "the second task had not used the ThreadLocal yet");
    }

    @Test
    void anotherThreadLocalOrdersNothing() {
        ThreadState first = task(worker);
        h.a.threadLocalUsed(first, threadLocal);
        h.write(first, buffer);
        h.a.taskEnd(first, first.taskKey);
        ThreadState second = task(worker);
        h.a.threadLocalUsed(second, new Object());
        h.write(second, buffer);
        assertEquals(1, h.races().size(), "only the same ThreadLocal on the same thread is confinement");
    }

    @Test
    void theSameThreadLocalOnAnotherWorkerOrdersNothing() {
        // withInitial(() -> SHARED): both workers reach one object through their own copies of the ThreadLocal.
        ThreadState other = h.thread("other-worker");
        ThreadState first = task(worker);
        h.a.threadLocalUsed(first, threadLocal);
        h.write(first, buffer);
        h.a.taskEnd(first, first.taskKey);
        ThreadState second = task(other);
        h.a.threadLocalUsed(second, threadLocal);
        h.write(second, buffer);
        assertEquals(1, h.races().size(), "a value shared by two threads' ThreadLocals is not confined");
    }

    @Test
    void whatTheEarlierUserDoesAfterwardsIsNotCovered() {
        // The worker's own code uses the ThreadLocal, then a task it runs uses it and publishes its end to main
        // through its future: main knows the worker up to the task's use, not the worker's write after it.
        ThreadState main = h.thread("main");
        Object future = new Object();
        Object later = new Object();
        h.a.threadLocalUsed(worker, threadLocal);
        ThreadState t = task(worker);
        h.a.threadLocalUsed(t, threadLocal);
        h.a.release(t, future, 0);
        h.a.taskEnd(t, t.taskKey);
        h.write(worker, later);
        h.a.acquire(main, future, 0);
        h.read(main, later);
        assertEquals(1, h.races().size(), "the worker's write after the task's use starts a new epoch");
    }

    @Test
    void theLogicalThreadATaskRanInsideResumesAfterItsUse() {
        // A completion loop (core's Trampoline): the worker got its queue from the ThreadLocal, a task completed
        // inline adds to the queue through the ThreadLocal, and the loop goes on with the queue it holds.
        ThreadState outer = task(worker);
        h.a.threadLocalUsed(outer, threadLocal);
        h.write(outer, buffer);
        ThreadState inner = task(outer);
        h.a.threadLocalUsed(inner, threadLocal);
        h.write(inner, buffer);
        h.a.taskEnd(inner, inner.taskKey);
        h.write(outer, buffer);
        assertEquals(0, h.races().size(), "the loop resumes after the inner task on the same thread");
    }

    @Test
    void aTaskRanInsideOneThatNeverUsedTheThreadLocalHandsNothingBack() {
        Object shared = new Object();
        ThreadState outer = task(worker);
        ThreadState inner = task(outer);
        h.a.threadLocalUsed(inner, threadLocal);
        h.write(inner, shared);
        h.a.taskEnd(inner, inner.taskKey);
        h.write(outer, shared);
        assertEquals(1, h.races().size(), "the outer task holds no confined value: nothing orders the two");
    }
}
