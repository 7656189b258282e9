package dev.guarded.sync.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Runs an async action between an acquire and a release (withLock / withPermit). */
public final class Scoped {
    private Scoped() {
    }

    /**
     * Acquires, runs {@code action}, and releases when its stage completes, normally or not.
     * Cancelling the result while still waiting withdraws the acquire.
     *
     * @param acquire the pending acquire
     * @param release releases what {@code acquire} obtained
     * @param action the action; may throw or return null (both fail the result after releasing)
     * @param <T> the result type
     * @return completes with the action's outcome, after the release
     */
    public static <T> CompletableFuture<T> run(CompletableFuture<Void> acquire, Runnable release,
            Supplier<? extends CompletionStage<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        result.whenComplete((v, e) -> {
            if (result.isCancelled()) {
                acquire.cancel(false);
            }
        });
        acquire.whenComplete((ignored, acquireFailure) -> {
            if (acquireFailure != null) {
                result.completeExceptionally(acquireFailure);
                return;
            }
            if (result.isDone()) { // cancelled while we queued: nothing to run
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
}
