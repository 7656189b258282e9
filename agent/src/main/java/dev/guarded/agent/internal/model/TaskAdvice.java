package dev.guarded.agent.internal.model;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeoutException;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Tasks as logical threads: advice that begins and ends a task around the JDK method that runs it, and ignore
 * regions around the executor internals a submission goes through. Each task starts from what its submission
 * released into it, never from what its worker ran before; what it publishes goes through its future or
 * its status (set, setDone), and its end releases into its executor (awaitTermination, close). See
 * {@link ExecutorRules} for where each applies.
 */
final class TaskAdvice {

    private TaskAdvice() {
    }

    /**
     * {@code FutureTask.run/runAndReset}: the task's run as a logical thread. When an executor already began
     * it (beforeExecute) this only counts a re-entry; otherwise program code calls {@code run} itself (a thread
     * given the FutureTask, a thread-per-task executor), so the task starts from the caller's clock and the
     * caller acquires its end.
     */
    static final class FutureRun {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.taskBegin(self, null, true);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.taskEnd(self);
        }
    }

    /** {@code ThreadPoolExecutor.beforeExecute(thread, task)}: the worker starts running {@code task}. */
    static final class BeforeExecute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object executor, @Advice.Argument(1) Object task) {
            Hooks.taskBegin(task, executor, false);
        }
    }

    /**
     * {@code ThreadPoolExecutor.afterExecute(task, thrown)}: the task ended (normally or not); it releases into
     * the task and the executor, and an overriding {@code afterExecute} runs as the worker again.
     */
    static final class AfterExecute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object task) {
            Hooks.taskEnd(task);
        }
    }

    /**
     * {@code ThreadPoolExecutor.execute(task)}: the submission releases into the task and the executor, then
     * the pool's own bookkeeping (its control word, work queue, worker creation) is ignored: it orders tasks
     * that the API leaves unordered.
     */
    static final class Execute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
            if (task != null) {
                Hooks.release(task);
            }
            Hooks.release(executor);
            Hooks.ignoreBegin();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit() {
            Hooks.ignoreEnd();
        }
    }

    /**
     * {@code ThreadPerTaskExecutor.taskComplete(thread)}, run by each task's thread as its last act: the task's
     * end releases into the executor (which {@code awaitTermination}, {@code isTerminated} and {@code close}
     * acquire), then the executor's bookkeeping (removing the thread from its concurrent set, counting down its
     * termination latch) is ignored. That bookkeeping joined every finished thread's clock into one map clock
     * and back into the next thread that finished: an edge between tasks the API does not promise, and a join
     * over every thread so far at each task end.
     */
    static final class TaskComplete {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object executor) {
            Hooks.release(executor);
            Hooks.ignoreBegin();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit() {
            Hooks.ignoreEnd();
        }
    }

    /**
     * {@code ScheduledThreadPoolExecutor.delayedExecute(task)}: every schedule/submit/execute of a scheduled
     * pool ends here with the task object its worker will run; it releases into that task, then the delay
     * queue and worker bookkeeping are ignored as for {@link Execute}. Also {@code reExecutePeriodic(task)},
     * called by a periodic task's run when it re-queues itself: that run happens-before the next one
     * (executions of a periodic task never overlap).
     */
    static final class DelayedExecute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object task) {
            if (task != null) {
                Hooks.release(task);
            }
            Hooks.ignoreBegin();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit() {
            Hooks.ignoreEnd();
        }
    }

    /** {@code ThreadPoolExecutor} constructors: lets the detector learn whether a factory promised sequential runs. */
    static final class Created {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object executor) {
            Hooks.executorCreated(executor);
        }
    }

    /**
     * {@code ForkJoinTask.doExec}: the task runs as its own logical thread, starting from what was released
     * into it (construction, fork, submission, invoke), whoever executes it: a worker's scan loop, a joiner
     * helping, the invoking thread. Its end also releases into the worker's pool.
     */
    static final class ForkJoinExec {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.taskBegin(self, ForkJoinTask.getPool(), false);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.taskEnd(self);
        }
    }

    /**
     * {@code java.util.Timer.sched(task, time, period)}: every schedule method ends here; what the scheduling
     * thread did so far happens-before the task's runs.
     */
    static final class TimerSchedule {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object task) {
            if (task != null) {
                Hooks.release(task);
            }
        }
    }

    /**
     * {@code java.util.TaskQueue.removeMin/rescheduleMin}: the timer thread takes the task at the head of its
     * queue ({@code queue[1]}) right before running it (or dropping it when cancelled), and acquires its
     * scheduling. The timer thread runs its timer's tasks "sequentially": it stays one logical thread, so
     * its tasks are ordered in the order they run, and tasks of different timers are not.
     */
    static final class TimerFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("queue") Object[] queue) {
            if (queue.length > 1 && queue[1] != null) {
                Hooks.acquire(queue[1]);
            }
        }
    }

    /**
     * Waiting for a task's outcome ({@code get}, {@code join}, {@code invoke}...): returning a result and
     * throwing the task's failure ({@code ExecutionException}, {@code CancellationException}, the exception a
     * fork/join task threw) are both the "retrieval of the result" after which the task's actions are visible;
     * giving up ({@code InterruptedException}, {@code TimeoutException}) retrieves nothing.
     */
    static final class AcquireOnOutcome {
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.Thrown Throwable thrown) {
            if (!(thrown instanceof InterruptedException) && !(thrown instanceof TimeoutException)) {
                Hooks.acquire(self);
            }
        }
    }
}
