package dev.guarded.sync.internal;

import dev.guarded.sync.Guard;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Runs an async action between an acquire and a release (withLock / withPermits, guardAsync). */
public final class Scoped {
    private Scoped() {
    }

    /**
     * Acquires, runs {@code action}, and releases when its stage completes, normally or not.
     * Completing the result from outside in any way (cancel included) while the acquire is still
     * queued withdraws the acquire; once the action has started it runs to its end and releases.
     *
     * @param acquire the pending acquire
     * @param release releases what {@code acquire} obtained
     * @param action the action; may throw or return null (both fail the result after releasing)
     * @param <T> the result type
     * @return completes with the action's outcome, after the release
     */
    public static <T> CompletableFuture<T> run(CompletableFuture<Void> acquire, Runnable release,
            Supplier<? extends CompletionStage<T>> action) {
        WithdrawingFuture<T> result = new WithdrawingFuture<>();
        result.whenComplete((v, e) -> acquire.cancel(false)); // no effect once granted
        acquire.whenComplete((ignored, acquireFailure) -> {
            if (acquireFailure != null) {
                result.completeExceptionally(acquireFailure);
                return;
            }
            if (result.isDone()) { // completed from outside while we queued: nothing to run
                release.run();
                return;
            }
            CompletionStage<T> stage;
            try {
                stage = action.get();
                if (stage == null) {
                    throw new NullPointerException("the action returned null instead of a CompletionStage");
                }
            } catch (Throwable t) {
                release.run();
                result.completeExceptionally(t);
                return;
            }
            stage.whenComplete((value, failure) -> {
                release.run();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }

    /**
     * Turns a pending acquire into a future guard. Completing the result from outside in any way
     * withdraws the acquire, or, if it was granted meanwhile, releases the grant at once: a guard
     * is never lost.
     *
     * @param acquire the pending (or granted) acquire
     * @param release releases what {@code acquire} obtained; the guard runs it at most once
     * @return completes with a guard holding the grant
     */
    public static CompletableFuture<Guard> guard(CompletableFuture<Void> acquire, Runnable release) {
        WithdrawingFuture<Guard> result = new WithdrawingFuture<>();
        result.whenComplete((g, e) -> acquire.cancel(false)); // no effect once granted
        acquire.whenComplete((ignored, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            Guard g = new OnceGuard(release);
            if (!result.complete(g)) {
                g.close(); // the result was completed from outside first: give the grant back
            }
        });
        return result;
    }
}
