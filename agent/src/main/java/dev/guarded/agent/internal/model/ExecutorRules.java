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
 * Futures, executors, ForkJoin and CompletableFuture. A task is the key for submit → run → get; an executor
 * is the key for its tasks' completion → awaitTermination/close. Work queues and thread start cover the
 * hand-off of plain Runnables (see {@link CollectionRules}).
 */
final class ExecutorRules {

    private static final String JUC = "java.util.concurrent.";
    private static final String CF = JUC + "CompletableFuture";

    private ExecutorRules() {
    }

    static List<Rule> rules() {
        var future = named(JUC + "FutureTask");
        var pool = namedOneOf(JUC + "ThreadPoolExecutor", JUC + "ScheduledThreadPoolExecutor");
        var fjTask = named(JUC + "ForkJoinTask");
        var cf = named(CF);
        var completion = isSubTypeOf(CountedCompleter.class).and(nameStartsWith("java."));
        return List.of(
                new Rule(future, constructors(), ThisAdvice.ReleaseOnConstructed.class),
                new Rule(future, methods("set", "setException", "cancel"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(future, methods("run", "runAndReset"), ThisAdvice.AcquireOnEnter.class),
                new Rule(future, methods("get", "resultNow", "exceptionNow", "state"), ThisAdvice.AcquireOnExit.class),
                new Rule(future, returning(boolean.class, "isDone"), ThisAdvice.AcquireIfTrue.class),
                new Rule(pool, methods("execute", "submit", "schedule", "scheduleAtFixedRate",
                        "scheduleWithFixedDelay"), ThisAdvice.ReleaseTaskAndThis.class),
                new Rule(pool, methods("afterExecute"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(namedOneOf(JUC + "ThreadPoolExecutor", JUC + "ForkJoinPool", JUC + "ThreadPerTaskExecutor"),
                        returning(boolean.class, "awaitTermination", "isTerminated"), ThisAdvice.AcquireIfTrue.class),
                new Rule(namedOneOf(JUC + "ExecutorService", JUC + "ForkJoinPool", JUC + "ThreadPerTaskExecutor"),
                        methods("close"), ThisAdvice.AcquireOnExit.class),
                new Rule(fjTask, constructors(), ThisAdvice.ReleaseOnConstructed.class),
                new Rule(fjTask, methods("fork"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(fjTask, methods("doExec"), ForkJoinAdvice.Exec.class),
                new Rule(fjTask, methods("join", "invoke", "get", "quietlyJoin", "quietlyInvoke", "getRawResult",
                        "resultNow", "exceptionNow"), ThisAdvice.AcquireOnExit.class),
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
                        ThisAdvice.AcquireOnExit.class),
                new Rule(cf, returning(boolean.class, "isDone", "isCompletedExceptionally", "isCancelled"),
                        ThisAdvice.AcquireIfTrue.class),
                new Rule(cf, isStageMethod(), CompletableFutureAdvice.Stage.class),
                new Rule(hasSuperType(named(CF + "$UniCompletion")).and(not(hasSuperType(named(CF + "$BiCompletion")))),
                        methods("tryFire"), CompletableFutureAdvice.UniFire.class),
                new Rule(hasSuperType(named(CF + "$BiCompletion")), methods("tryFire"),
                        CompletableFutureAdvice.BiFire.class),
                new Rule(nameStartsWith(CF + "$").and(isSubTypeOf(java.util.concurrent.ForkJoinTask.class)),
                        methods("run"), ThisAdvice.AcquireOnEnter.class));
    }

    private static ElementMatcher.Junction<MethodDescription> isStageMethod() {
        return ElementMatchers.<MethodDescription>nameMatches("(uni|bi|or)[A-Z]\\w*(Stage|Now)").and(not(isStatic()));
    }
}
