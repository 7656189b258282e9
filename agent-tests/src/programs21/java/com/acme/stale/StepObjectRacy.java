package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The value a flow read is carried to its next stage in a step object ({@code runAsync} then
 * {@code thenRunAsync}), which writes it back + 1 into the shared account after another flow did.
 */
public final class StepObjectRacy {

    static final class Account {
        long balance;
    }

    static final class Step {
        long seen;
    }

    public static void main(String[] args) {
        Account account = new Account();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        CompletableFuture<Void> a = deposit(account, loop);
        CompletableFuture<Void> b = deposit(account, loop);
        gate.open();
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
    }

    static CompletableFuture<Void> deposit(Account account, ExecutorService loop) {
        Step step = new Step();
        return CompletableFuture.runAsync(() -> step.seen = account.balance, loop)
                .thenRunAsync(() -> account.balance = step.seen + 10, loop);
    }
}
