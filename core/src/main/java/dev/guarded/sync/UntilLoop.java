package dev.guarded.sync;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The async {@code awaitUntil}: evaluate, wait, re-evaluate, as a loop (not recursion) that
 * continues in a callback only when a wait is really pending. Runs only while the lock is held.
 */
final class UntilLoop {
    private final AsyncCondition condition;
    private final BooleanSupplier predicate;
    private final ReacquiringFuture<Boolean> result = new ReacquiringFuture<>();
    private volatile CompletableFuture<Void> current;

    UntilLoop(AsyncCondition condition, BooleanSupplier predicate) {
        this.condition = condition;
        this.predicate = predicate;
        result.onAbort(() -> {
            CompletableFuture<Void> c = current;
            if (c != null) {
                c.cancel(false);
            }
        });
    }

    CompletableFuture<Boolean> start() {
        step();
        return result;
    }

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
                result.finish(value);
                return;
            }
            CompletableFuture<Void> wait = condition.startAwait("awaitUntilAsync", -1);
            current = wait;
            if (result.abortRequested()) {
                wait.cancel(false); // the abort raced with starting this wait
            }
            if (!wait.isDone()) {
                wait.whenComplete((v, e) -> {
                    if (e != null) {
                        result.finishExceptionally(e);
                    } else {
                        step();
                    }
                });
                return;
            }
            if (wait.isCompletedExceptionally()) {
                wait.whenComplete((v, e) -> result.finishExceptionally(e));
                return;
            }
        }
    }
}
