package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.Matchers.methods;
import static dev.guarded.agent.internal.model.Matchers.notReturning;
import static dev.guarded.agent.internal.model.Matchers.returning;
import static net.bytebuddy.matcher.ElementMatchers.named;

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
                new Rule(semaphore, methods("release"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(semaphore, methods("acquire", "acquireUninterruptibly", "drainPermits"),
                        ThisAdvice.AcquireOnExit.class),
                new Rule(semaphore, returning(boolean.class, "tryAcquire"), ThisAdvice.AcquireIfTrue.class),
                new Rule(latch, methods("countDown"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(latch, notReturning(boolean.class, "await"), ThisAdvice.AcquireOnExit.class),
                new Rule(latch, returning(boolean.class, "await"), ThisAdvice.AcquireIfTrue.class),
                // Parties' actions before await happen-before the barrier action, which happens-before every
                // party's return. The last party to arrive runs the action inside await: acquiring on entry
                // (after the others released on theirs) gives it the parties' actions, and releasing again in
                // nextGeneration, after the action and before the others wake, publishes the action.
                new Rule(named(JUC + "CyclicBarrier"), methods("await"), ThisAdvice.ReadModifyWrite.class),
                new Rule(named(JUC + "CyclicBarrier"), methods("nextGeneration"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(named(JUC + "Exchanger"), methods("exchange"), ThisAdvice.ReleaseThenAcquire.class),
                new Rule(phaser, methods("arrive", "arriveAndDeregister"), ThisAdvice.ReleaseOnEnter.class),
                new Rule(phaser, methods("arriveAndAwaitAdvance"), ThisAdvice.ReleaseThenAcquire.class),
                new Rule(phaser, methods("awaitAdvance", "awaitAdvanceInterruptibly"), ThisAdvice.AcquireOnExit.class));
    }
}
