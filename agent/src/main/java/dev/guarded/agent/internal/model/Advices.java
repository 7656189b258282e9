package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.Advice.onAnyExit;
import static dev.guarded.agent.internal.model.Advice.onEnter;
import static dev.guarded.agent.internal.model.Advice.onExit;
import static dev.guarded.agent.internal.model.Operand.ALL_ARGUMENTS;
import static dev.guarded.agent.internal.model.Operand.RETURNED;
import static dev.guarded.agent.internal.model.Operand.THIS;
import static dev.guarded.agent.internal.model.Operand.THROWN;
import static dev.guarded.agent.internal.model.Operand.argument;
import static dev.guarded.agent.internal.model.Operand.field;

/**
 * The advice the rule sets use, by what it does; {@code ModelHooks} documents each hook's edge. Keyed on the
 * receiver unless the name says otherwise.
 */
final class Advices {

    private Advices() {
    }

    // The receiver is the key: a latch, a future, a queue, an atomic.
    static final Advice RELEASE_ON_ENTER = onEnter("release", THIS);
    static final Advice ACQUIRE_ON_EXIT = onExit("acquire", THIS);
    static final Advice ACQUIRE_ON_ENTER = onEnter("acquire", THIS);
    static final Advice ACQUIRE_IF_TRUE = onExit("acquireIf", RETURNED, THIS);
    static final Advice READ_MODIFY_WRITE = onEnter("acquireRelease", THIS).thenOnExit("acquire", THIS);
    static final Advice COUNTING_UPDATE = onEnter("countingUpdate", THIS).thenOnExit("acquireIncidental", THIS);
    static final Advice ACQUIRE_INCIDENTAL_ON_EXIT = onExit("acquireIncidental", THIS);
    static final Advice RELEASE_THEN_ACQUIRE = onEnter("release", THIS).thenOnExit("acquire", THIS);
    static final Advice RELEASE_ON_CONSTRUCTED = onExit("release", THIS);
    static final Advice RELEASE_TASK_AND_THIS = onEnter("releaseTaskAndThis", THIS, argument(0));

    // Field updaters: the target object (first argument) is the key.
    static final Advice TARGET_RELEASE = onEnter("releaseTarget", argument(0));
    static final Advice TARGET_ACQUIRE = onExit("acquireTarget", argument(0));
    static final Advice TARGET_READ_MODIFY_WRITE = onEnter("acquireReleaseTarget", argument(0))
            .thenOnExit("acquireTarget", argument(0));
    static final Advice TARGET_COUNTING_UPDATE = onEnter("countingUpdateTarget", argument(0))
            .thenOnExit("acquireTargetIncidental", argument(0));

    // Locks: the synchronizer ({@code sync}, or a condition's {@code this$0}) is the key.
    static final Advice LOCK_ACQUIRED = onExit("lockAcquired", field("sync"));
    static final Advice LOCK_TRY_ACQUIRED = onExit("lockAcquiredIf", RETURNED, field("sync"));
    static final Advice WRITE_LOCK_ACQUIRED = onExit("writeLockAcquired", field("sync"));
    static final Advice WRITE_LOCK_TRY_ACQUIRED = onExit("writeLockAcquiredIf", RETURNED, field("sync"));
    static final Advice LOCK_RELEASING = onEnter("lockReleasing", THIS, field("sync"));
    static final Advice READ_LOCK_ACQUIRED = onExit("readLockAcquired", field("sync"));
    static final Advice READ_LOCK_TRY_ACQUIRED = onExit("readLockAcquiredIf", RETURNED, field("sync"));
    static final Advice READ_LOCK_RELEASING = onEnter("readLockReleasing", field("sync"));
    static final Advice CONDITION_AWAIT = onEnter("awaitBegin", field("this$0"), THIS).thenOnAnyExit("awaitEnd",
            field("this$0"), THIS);
    static final Advice STAMPED_WRITE_ACQUIRED = onExit("stampedWriteAcquired", RETURNED, THIS);
    static final Advice STAMPED_READ_ACQUIRED = onExit("stampedReadAcquired", RETURNED, THIS);
    static final Advice STAMPED_WRITE_RELEASING = onEnter("stampedWriteReleasing", THIS);
    static final Advice STAMPED_READ_RELEASING = onEnter("stampedReadReleasing", THIS);
    static final Advice STAMPED_RELEASING_BY_STAMP = onEnter("stampedReleasing", THIS, argument(0));

    // Threads.
    static final Advice THREAD_START = onEnter("threadStarting", THIS);
    static final Advice THREAD_JOIN = onExit("threadJoined", THIS);
    static final Advice THREAD_EXITING = onAnyExit("threadExiting");
    static final Advice THREAD_IS_ALIVE = onExit("threadAliveIs", RETURNED, THIS);
    /** JDK-internal work whose hooks are ignored (the rules using it say why). */
    static final Advice INTERNALS = onEnter("ignoreBegin").thenOnAnyExit("ignoreEnd");

    // Tasks and executors.
    static final Advice FUTURE_RUN = onEnter("futureRunBegin", THIS).thenOnAnyExit("taskEnd", THIS);
    static final Advice BEFORE_EXECUTE = onEnter("beforeExecute", THIS, argument(1));
    static final Advice AFTER_EXECUTE = onEnter("taskEnd", argument(0));
    static final Advice EXECUTE = onEnter("executeBegin", THIS, argument(0)).thenOnAnyExit("ignoreEnd");
    static final Advice TASK_COMPLETE = onEnter("taskCompleteBegin", THIS).thenOnAnyExit("ignoreEnd");
    static final Advice THREAD_START_FOR_TASK = onEnter("threadStartingForTask", argument(0))
            .thenOnAnyExit("ignoreEnd");
    static final Advice DELAYED_EXECUTE = onEnter("delayedExecuteBegin", argument(0)).thenOnAnyExit("ignoreEnd");
    static final Advice EXECUTOR_CREATED = onExit("executorCreated", THIS);
    static final Advice FORK_JOIN_EXEC = onEnter("forkJoinExecBegin", THIS).thenOnAnyExit("taskEnd", THIS);
    static final Advice TIMER_SCHEDULE = onEnter("releaseIfPresent", argument(0));
    static final Advice TIMER_FIRE = onEnter("timerFire", field("queue"));
    static final Advice ACQUIRE_ON_OUTCOME = onAnyExit("acquireOnOutcome", THROWN, THIS);
    static final Advice INVOKE_ALL = onEnter("invokeAllBegin", ALL_ARGUMENTS).thenOnExit("invokeAllEnd", ALL_ARGUMENTS);
    static final Advice FORK_JOIN_SUBMIT = onEnter("forkJoinSubmit", argument(0));
    static final Advice COMPLETION_SIGNALLED = onEnter("completionSignalled", THIS);

    // CompletableFuture dependents: the completion objects' sources ({@code src}, {@code snd}).
    static final Advice UNI_FIRE = onEnter("uniFireBegin", THIS, field("src")).thenOnAnyExit("taskEnd", THIS);
    static final Advice BI_FIRE = onEnter("biFireBegin", THIS, field("src"), field("snd"))
            .thenOnAnyExit("taskEnd", THIS);
    static final Advice STAGE = onEnter("stageBegin", THIS, ALL_ARGUMENTS);

    // ConcurrentHashMap per element and key; its views read the backing map ({@code map}).
    static final Advice MAP_GET = onExit("mapGot", RETURNED, THIS);
    static final Advice MAP_UPDATE = onEnter("mapUpdateBegin", THIS, argument(1)).thenOnExit("elementSeen",
            RETURNED, THIS);
    static final Advice MAP_COMPUTE = onEnter("computeBegin", THIS).thenOnExit("elementSeen", RETURNED, THIS);
    static final Advice MAP_MERGE = onEnter("mergeBegin", THIS).thenOnExit("elementSeen", RETURNED, THIS);
    static final Advice MAP_RECOMPUTE = onEnter("recomputeBegin", THIS);
    static final Advice KEY_INSERT = onEnter("keyStored", argument(0));
    static final Advice ITERATED_KEY = onExit("keySeen", RETURNED);
    static final Advice ITERATED_VALUE = onExit("elementSeen", RETURNED, field("map"));
    static final Advice ITERATED_ENTRY = onExit("entrySeen", argument(0), argument(1), argument(2));
    static final Advice VIEW_READ = onExit("acquireIfPresent", field("map"));
}
