package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.ClassMatch.named;
import static dev.guarded.agent.internal.model.ClassMatch.prefixed;
import static dev.guarded.agent.internal.model.MethodMatch.constructors;
import static dev.guarded.agent.internal.model.MethodMatch.methods;
import static dev.guarded.agent.internal.model.MethodMatch.methodsMatching;
import static dev.guarded.agent.internal.model.MethodMatch.staticMethods;

import java.util.List;
import java.util.concurrent.CountedCompleter;

/**
 * Futures, executors, ForkJoin, CompletableFuture and {@code java.util.Timer}. Every task runs as a logical
 * thread of its own ({@link Advices#FUTURE_RUN} and its neighbours): an executor's task between
 * {@code beforeExecute} and {@code afterExecute}, a {@code FutureTask} in {@code run}, a {@code ForkJoinTask} in
 * {@code doExec}, a completion stage in {@code tryFire}. A task is the key for submit → run → get; an executor is the key for
 * its tasks' ends → awaitTermination/close. The pools' own bookkeeping during a submission is ignored, so
 * two tasks are ordered only by what the API promises (the table in agent/README.md).
 */
final class ExecutorRules {

    private static final String JUC = "java.util.concurrent.";
    private static final String CF = JUC + "CompletableFuture";

    private ExecutorRules() {
    }

    static List<Rule> rules() {
        var future = named(JUC + "FutureTask");
        var tpe = named(JUC + "ThreadPoolExecutor");
        var stpe = named(JUC + "ScheduledThreadPoolExecutor");
        var fjTask = named(JUC + "ForkJoinTask");
        var cf = named(CF);
        return List.of(
                new Rule(future, constructors(), Advices.RELEASE_ON_CONSTRUCTED),
                new Rule(future, methods("set", "setException", "cancel"), Advices.RELEASE_ON_ENTER),
                new Rule(future, methods("run", "runAndReset"), Advices.FUTURE_RUN),
                new Rule(future, methods("get", "resultNow", "exceptionNow", "state"),
                        Advices.ACQUIRE_ON_OUTCOME),
                new Rule(future, methods("isDone").returning(boolean.class), Advices.ACQUIRE_IF_TRUE),
                new Rule(tpe, methods("execute"), Advices.EXECUTE),
                new Rule(stpe, methods("execute", "submit", "schedule", "scheduleAtFixedRate",
                        "scheduleWithFixedDelay"), Advices.RELEASE_TASK_AND_THIS),
                // reExecutePeriodic: a periodic task's run re-queues itself; its next run follows this one.
                new Rule(stpe, methods("delayedExecute", "reExecutePeriodic"), Advices.DELAYED_EXECUTE),
                new Rule(named(JUC + "ThreadPerTaskExecutor"), methods("taskComplete"), Advices.TASK_COMPLETE),
                // start(Thread): the thread's start is the submission's one edge; the executor's private set of
                // its threads, which only its own bookkeeping reads, orders nothing the program can see.
                new Rule(named(JUC + "ThreadPerTaskExecutor"), methods("start").taking(Thread.class),
                        Advices.THREAD_START_FOR_TASK),
                new Rule(tpe, constructors(), Advices.EXECUTOR_CREATED),
                new Rule(tpe, methods("beforeExecute"), Advices.BEFORE_EXECUTE),
                new Rule(tpe, methods("afterExecute"), Advices.AFTER_EXECUTE),
                new Rule(named(JUC + "ThreadPoolExecutor", JUC + "ForkJoinPool", JUC + "ThreadPerTaskExecutor"),
                        methods("awaitTermination", "isTerminated").returning(boolean.class), Advices.ACQUIRE_IF_TRUE),
                new Rule(named(JUC + "ExecutorService", JUC + "ForkJoinPool", JUC + "ThreadPerTaskExecutor"),
                        methods("close"), Advices.ACQUIRE_ON_EXIT),
                new Rule(fjTask, constructors(), Advices.RELEASE_ON_CONSTRUCTED),
                new Rule(fjTask, methods("fork"), Advices.RELEASE_ON_ENTER),
                new Rule(fjTask, methods("doExec"), Advices.FORK_JOIN_EXEC),
                // The caller runs the task itself: what it did before happens-before the task.
                new Rule(fjTask, methods("invoke", "quietlyInvoke"), Advices.RELEASE_ON_ENTER),
                // Release before the status turns DONE: the same call wakes joiners (JDK 17 and 25 names).
                new Rule(fjTask, methods("setDone", "trySetCancelled", "trySetThrown"),
                        Advices.RELEASE_ON_ENTER),
                // joinForPoolInvoke/getForPoolInvoke: JDK 17's ForkJoinPool.invoke and submit(..).get() wait there.
                new Rule(fjTask, methods("join", "invoke", "get", "quietlyJoin", "quietlyInvoke", "getRawResult",
                        "resultNow", "exceptionNow", "joinForPoolInvoke", "getForPoolInvoke"),
                        Advices.ACQUIRE_ON_OUTCOME),
                new Rule(fjTask, methods("isDone", "isCompletedNormally", "quietlyJoin").returning(boolean.class),
                        Advices.ACQUIRE_IF_TRUE),
                new Rule(fjTask, staticMethods("invokeAll"), Advices.INVOKE_ALL),
                new Rule(named(JUC + "ForkJoinPool"), methods("execute", "submit", "invoke", "lazySubmit"),
                        Advices.FORK_JOIN_SUBMIT),
                new Rule(named(JUC + "CountedCompleter"), methods("tryComplete", "propagateCompletion", "complete",
                        "quietlyCompleteRoot"), Advices.COMPLETION_SIGNALLED),
                // Every counted completer's override: the classes that declare onCompletion(CountedCompleter).
                new Rule(prefixed(JUC), methods("onCompletion").taking(CountedCompleter.class),
                        Advices.ACQUIRE_ON_ENTER),
                new Rule(cf, methods("complete", "completeExceptionally", "completeValue", "completeThrowable",
                        "completeNull", "completeRelay", "internalComplete", "obtrudeValue", "obtrudeException",
                        "cancel"), Advices.RELEASE_ON_ENTER),
                new Rule(cf, methods("join", "get", "getNow", "resultNow", "exceptionNow", "state"),
                        Advices.ACQUIRE_ON_OUTCOME),
                new Rule(cf, methods("isDone", "isCompletedExceptionally", "isCancelled").returning(boolean.class),
                        Advices.ACQUIRE_IF_TRUE),
                new Rule(cf, methodsMatching("(uni|bi|or)[A-Z]\\w*(Stage|Now)"), Advices.STAGE),
                new Rule(prefixed(CF + "$").extending(CF + "$UniCompletion").notExtending(CF + "$BiCompletion"),
                        methods("tryFire"), Advices.UNI_FIRE),
                new Rule(prefixed(CF + "$").extending(CF + "$BiCompletion"), methods("tryFire"),
                        Advices.BI_FIRE),
                new Rule(prefixed(CF + "$").extending(JUC + "ForkJoinTask"),
                        methods("run"), Advices.ACQUIRE_ON_ENTER),
                new Rule(named("java.util.Timer"), methods("sched"), Advices.TIMER_SCHEDULE),
                new Rule(named("java.util.TaskQueue"), methods("removeMin", "rescheduleMin"),
                        Advices.TIMER_FIRE));
    }
}
