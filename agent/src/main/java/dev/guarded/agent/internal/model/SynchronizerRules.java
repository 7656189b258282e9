package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.ClassMatch.named;
import static dev.guarded.agent.internal.model.MethodMatch.methods;

import java.util.List;

/** Semaphore, CountDownLatch, CyclicBarrier, Phaser, Exchanger: keyed on the synchronizer. */
final class SynchronizerRules {

    private static final String JUC = "java.util.concurrent.";

    private SynchronizerRules() {
    }

    static List<Rule> rules() {
        var semaphore = named(JUC + "Semaphore");
        var latch = named(JUC + "CountDownLatch");
        var phaser = named(JUC + "Phaser");
        return List.of(
                new Rule(semaphore, methods("release"), Advices.RELEASE_ON_ENTER),
                new Rule(semaphore, methods("acquire", "acquireUninterruptibly", "drainPermits"),
                        Advices.ACQUIRE_ON_EXIT),
                new Rule(semaphore, methods("tryAcquire").returning(boolean.class), Advices.ACQUIRE_IF_TRUE),
                new Rule(latch, methods("countDown"), Advices.RELEASE_ON_ENTER),
                new Rule(latch, methods("await").notReturning(boolean.class), Advices.ACQUIRE_ON_EXIT),
                new Rule(latch, methods("await").returning(boolean.class), Advices.ACQUIRE_IF_TRUE),
                // Parties' actions before await happen-before the barrier action, which happens-before every
                // party's return. The last party to arrive runs the action inside await: acquiring on entry
                // (after the others released on theirs) gives it the parties' actions, and releasing again in
                // nextGeneration, after the action and before the others wake, publishes the action.
                new Rule(named(JUC + "CyclicBarrier"), methods("await"), Advices.READ_MODIFY_WRITE),
                new Rule(named(JUC + "CyclicBarrier"), methods("nextGeneration"), Advices.RELEASE_ON_ENTER),
                new Rule(named(JUC + "Exchanger"), methods("exchange"), Advices.RELEASE_THEN_ACQUIRE),
                new Rule(phaser, methods("arrive", "arriveAndDeregister"), Advices.RELEASE_ON_ENTER),
                new Rule(phaser, methods("arriveAndAwaitAdvance"), Advices.RELEASE_THEN_ACQUIRE),
                new Rule(phaser, methods("awaitAdvance", "awaitAdvanceInterruptibly"), Advices.ACQUIRE_ON_EXIT));
    }
}
