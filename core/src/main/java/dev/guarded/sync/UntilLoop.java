package dev.guarded.sync;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The async {@code waitFor}: evaluate, wait, re-evaluate, as a loop (not recursion) that
 * continues in a callback only when a wait is really pending. Runs only while the lock is held.
 */
final class UntilLoop {
    private final AsyncCondition condition;
    private final BooleanSupplier predicate;
    private final ReacquiringFuture<Boolean> result;
    private volatile CompletableFuture<Void> current;

    UntilLoop(AsyncCondition condition, BooleanSupplier predicate) {
        this.condition = condition;
        this.predicate = predicate;
        this.result = new ReacquiringFuture<>(condition.lock());
        result.onAbort(() -> {
            CompletableFuture<Void> c = current;
            if (c != null) {
                c.cancel(false); // a finished wait ignores this; the loop then sees the abort
            }
        });
    }

    CompletableFuture<Boolean> start() {
        step();
        return result;
    }

    /** Called with the lock held. */
    private void step() {
        for (;;) {
            boolean value;
            try {
                value = predicate.getAsBoolean();
            } catch (Throwable t) {
                result.finishExceptionally(t);
                return;
            }
            if (value || result.abortRequested()) {
                result.finish(value); // releases the lock if aborted
                return;
            }
            CompletableFuture<Void> wait = condition.startAwait("waitForAsync", -1);
            current = wait;
            if (result.abortRequested()) {
                wait.cancel(false); // the abort raced with starting this wait
            }
            if (!wait.isDone()) {
                wait.whenComplete((v, e) -> {
                    if (e == null) {
                        step();
                    } // else the wait was withdrawn by the abort, which completed the result
                });
                return;
            }
            if (wait.isCompletedExceptionally()) {
                return; // withdrawn by the abort: the lock is not held
            }
        }
    }
}
