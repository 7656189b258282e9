package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.Matchers.constructors;
import static dev.guarded.agent.internal.model.Matchers.methods;
import static dev.guarded.agent.internal.model.Matchers.returning;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.util.List;
import java.util.concurrent.CountedCompleter;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Futures, executors, ForkJoin, CompletableFuture and {@code java.util.Timer}. Every task runs as a logical
 * thread of its own ({@link TaskAdvice}): an executor's task between {@code beforeExecute} and
 * {@code afterExecute}, a {@code FutureTask} in {@code run}, a {@code ForkJoinTask} in {@code doExec}, a
 * completion stage in {@code tryFire}. A task is the key for submit → run → get; an executor is the key for
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
        var completion = isSubTypeOf(CountedCompleter.class).and(nameStartsWith("java."));
        return List.of(
                new Rule(future, constructors(), ThisAdvice.ReleaseOnConstructed.class),
                new Rule(future, methods("set", "setException", "cancel"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(future, methods("run", "runAndReset"), TaskAdvice.FutureRun.class),
                new Rule(future, methods("get", "resultNow", "exceptionNow", "state"),
                        TaskAdvice.AcquireOnOutcome.class),
                new Rule(future, returning(boolean.class, "isDone"), ThisAdvice.AcquireIfTrue.class),
                new Rule(tpe, methods("execute"), TaskAdvice.Execute.class),
                new Rule(stpe, methods("execute", "submit", "schedule", "scheduleAtFixedRate",
                        "scheduleWithFixedDelay"), ThisAdvice.ReleaseTaskAndThis.class),
                // reExecutePeriodic: a periodic task's run re-queues itself; its next run follows this one.
                new Rule(stpe, methods("delayedExecute", "reExecutePeriodic"), TaskAdvice.DelayedExecute.class),
                new Rule(named(JUC + "ThreadPerTaskExecutor"), methods("taskComplete"), TaskAdvice.TaskComplete.class),
                new Rule(tpe, constructors(), TaskAdvice.Created.class),
                new Rule(tpe, methods("beforeExecute"), TaskAdvice.BeforeExecute.class),
                new Rule(tpe, methods("afterExecute"), TaskAdvice.AfterExecute.class),
                new Rule(namedOneOf(JUC + "ThreadPoolExecutor", JUC + "ForkJoinPool", JUC + "ThreadPerTaskExecutor"),
                        returning(boolean.class, "awaitTermination", "isTerminated"), ThisAdvice.AcquireIfTrue.class),
                new Rule(namedOneOf(JUC + "ExecutorService", JUC + "ForkJoinPool", JUC + "ThreadPerTaskExecutor"),
                        methods("close"), ThisAdvice.AcquireOnExit.class),
                new Rule(fjTask, constructors(), ThisAdvice.ReleaseOnConstructed.class),
                new Rule(fjTask, methods("fork"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(fjTask, methods("doExec"), TaskAdvice.ForkJoinExec.class),
                // The caller runs the task itself: what it did before happens-before the task.
                new Rule(fjTask, methods("invoke", "quietlyInvoke"), ThisAdvice.ReleaseOnEnter.class),
                // Release before the status turns DONE: the same call wakes joiners (JDK 17 and 25 names).
                new Rule(fjTask, methods("setDone", "trySetCancelled", "trySetThrown"),
                        ThisAdvice.ReleaseOnEnter.class),
                // joinForPoolInvoke/getForPoolInvoke: JDK 17's ForkJoinPool.invoke and submit(..).get() wait there.
                new Rule(fjTask, methods("join", "invoke", "get", "quietlyJoin", "quietlyInvoke", "getRawResult",
                        "resultNow", "exceptionNow", "joinForPoolInvoke", "getForPoolInvoke"),
                        TaskAdvice.AcquireOnOutcome.class),
                new Rule(fjTask, returning(boolean.class, "isDone", "isCompletedNormally", "quietlyJoin"),
                        ThisAdvice.AcquireIfTrue.class),
                new Rule(fjTask, named("invokeAll").and(isStatic()), ForkJoinAdvice.InvokeAll.class),
                new Rule(named(JUC + "ForkJoinPool"), methods("execute", "submit", "invoke", "lazySubmit"),
                        ForkJoinAdvice.Submit.class),
                new Rule(named(JUC + "CountedCompleter"), methods("tryComplete", "propagateCompletion", "complete",
                        "quietlyCompleteRoot"), ForkJoinAdvice.SignalCompletion.class),
                new Rule(completion, methods("onCompletion"), ThisAdvice.AcquireOnEnter.class),
                new Rule(cf, methods("complete", "completeExceptionally", "completeValue", "completeThrowable",
                        "completeNull", "completeRelay", "internalComplete", "obtrudeValue", "obtrudeException",
                        "cancel"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(cf, methods("join", "get", "getNow", "resultNow", "exceptionNow", "state"),
                        TaskAdvice.AcquireOnOutcome.class),
                new Rule(cf, returning(boolean.class, "isDone", "isCompletedExceptionally", "isCancelled"),
                        ThisAdvice.AcquireIfTrue.class),
                new Rule(cf, isStageMethod(), CompletableFutureAdvice.Stage.class),
                new Rule(hasSuperType(named(CF + "$UniCompletion")).and(not(hasSuperType(named(CF + "$BiCompletion")))),
                        methods("tryFire"), CompletableFutureAdvice.UniFire.class),
                new Rule(hasSuperType(named(CF + "$BiCompletion")), methods("tryFire"),
                        CompletableFutureAdvice.BiFire.class),
                new Rule(nameStartsWith(CF + "$").and(isSubTypeOf(java.util.concurrent.ForkJoinTask.class)),
                        methods("run"), ThisAdvice.AcquireOnEnter.class),
                new Rule(named("java.util.Timer"), methods("sched"), TaskAdvice.TimerSchedule.class),
                new Rule(named("java.util.TaskQueue"), methods("removeMin", "rescheduleMin"),
                        TaskAdvice.TimerFire.class));
    }

    private static ElementMatcher.Junction<MethodDescription> isStageMethod() {
        return ElementMatchers.<MethodDescription>nameMatches("(uni|bi|or)[A-Z]\\w*(Stage|Now)").and(not(isStatic()));
    }
}
