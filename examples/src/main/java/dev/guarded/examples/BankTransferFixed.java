package dev.guarded.examples;

import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.Guard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BankTransferRace} repaired: each account has an {@link AsyncLock}, and a transfer holds both
 * accounts' locks from the balance check to the last update, so the check-then-act is one atomic step.
 *
 * <p>Exactly one of the ten transfers succeeds; the others see the balance the winner left and decline.
 * The locks are always taken in the same global order (by account number) so that two opposite transfers,
 * Alice to Bob and Bob to Alice, can never each hold one lock while waiting for the other. Under the detector
 * ({@code examples/run-example bank-transfer-fixed --detect}) nothing is reported.
 */
public final class BankTransferFixed {

    /** A bank account whose balance is guarded by its own lock. */
    static final class Account {
        final int number;
        final AsyncLock lock = new AsyncLock();
        // Guarded by lock.
        int balance;

        Account(int number, int balance) {
            this.number = number;
            this.balance = balance;
        }
    }

    private BankTransferFixed() {
    }

    /**
     * Runs {@link BankTransferRace#ATTEMPTS} simultaneous transfers of Alice's whole balance to Bob, now
     * under the accounts' locks, and waits for all of them.
     *
     * @param fraudCheck how long each transfer pauses between its check and its update; not negative
     * @return how many transfers succeeded (1) and the final balances (0 and {@link BankTransferRace#AMOUNT})
     * @throws InterruptedException if the calling thread is interrupted while waiting for the transfers
     */
    public static BankTransferRace.Outcome run(Duration fraudCheck) throws InterruptedException {
        Account alice = new Account(1, BankTransferRace.AMOUNT);
        Account bob = new Account(2, 0);
        AtomicInteger succeeded = new AtomicInteger();
        List<Thread> transfers = new ArrayList<>();
        for (int i = 0; i < BankTransferRace.ATTEMPTS; i++) {
            transfers.add(Thread.ofVirtual().name("transfer-" + i).start(() -> {
                try {
                    if (transfer(alice, bob, BankTransferRace.AMOUNT, fraudCheck)) {
                        succeeded.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread transfer : transfers) {
            transfer.join();
        }
        return new BankTransferRace.Outcome(succeeded.get(), alice.balance, bob.balance);
    }

    /**
     * Moves {@code amount} if {@code from} can cover it, holding both accounts' locks throughout.
     *
     * @throws IllegalArgumentException if {@code from} and {@code to} are the same account (its lock is not
     *                                  reentrant, and such a transfer would be meaningless anyway)
     */
    static boolean transfer(Account from, Account to, int amount, Duration fraudCheck) throws InterruptedException {
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from account " + from.number + " to itself");
        }
        Account first = from.number < to.number ? from : to;
        Account second = first == from ? to : from;
        try (Guard firstGuard = first.lock.guard(); Guard secondGuard = second.lock.guard()) {
            if (from.balance < amount) {
                return false;
            }
            Thread.sleep(fraudCheck);
            from.balance -= amount;
            to.balance += amount;
            return true;
        }
    }

    /**
     * Runs the transfers and prints what happened to the money.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for the transfers
     */
    public static void main(String[] args) throws InterruptedException {
        BankTransferRace.Outcome outcome = run(BankTransferRace.FRAUD_CHECK);
        System.out.println(outcome.succeeded() + " of " + BankTransferRace.ATTEMPTS + " transfers of "
                + BankTransferRace.AMOUNT + " succeeded; Alice: " + outcome.alice() + ", Bob: " + outcome.bob());
    }
}
