package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Deposits whose write stage reads the balance itself: nothing read before the suspension is written back. */
public final class StepObjectClean {

    static final class Account {
        long balance;
    }

    static final class Step {
        long amount;
    }

    public static void main(String[] args) {
        Account account = new Account();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> a = deposit(account, loop);
        CompletableFuture<Void> b = deposit(account, loop);
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
        if (account.balance != 20) {
            throw new AssertionError(account.balance);
        }
    }

    static CompletableFuture<Void> deposit(Account account, ExecutorService loop) {
        Step step = new Step();
        return CompletableFuture.runAsync(() -> step.amount = 10, loop)
                .thenRunAsync(() -> account.balance = account.balance + step.amount, loop);
    }
}
