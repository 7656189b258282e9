package dev.guarded.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Beyond the seed: the race of {@code ex_4_1} as it shows up in real code, a check-then-act on a bank
 * account.
 *
 * <p>Alice has 100. Ten transfers of 100 to Bob start at the same time, each from its own virtual thread.
 * A transfer checks the balance, runs a (simulated, slow) fraud check, and then moves the money. Only one of
 * them should succeed, but every transfer that checks before the first one has debited sees 100, so several
 * succeed, Alice ends up overdrawn and Bob is paid money that never existed.
 *
 * <p>Under the detector ({@code examples/run-example bank-transfer --detect}) the report names
 * {@code Account.balance} and the two lines that conflict: the balance check in {@link #transfer} and the
 * debit after it. {@link BankTransferFixed} is the repair.
 */
public final class BankTransferRace {

    /** How many transfers of Alice's whole balance run at once. */
    public static final int ATTEMPTS = 10;

    /** What Alice has at the start and what each transfer tries to move. */
    public static final int AMOUNT = 100;

    /** How long the simulated fraud check takes; the window in which the balance can change under us. */
    public static final Duration FRAUD_CHECK = Duration.ofMillis(10);

    /** A bank account; the balance is plain state with no synchronization at all. */
    static final class Account {
        private int balance;

        Account(int balance) {
            this.balance = balance;
        }
    }

    /**
     * The outcome of a run.
     *
     * @param succeeded how many transfers went through; 1 when the check-then-act is atomic
     * @param alice     Alice's final balance; 0 when exactly one transfer went through
     * @param bob       Bob's final balance
     */
    public record Outcome(int succeeded, int alice, int bob) {
    }

    private BankTransferRace() {
    }

    /**
     * Runs {@link #ATTEMPTS} simultaneous transfers of {@link #AMOUNT} from Alice (who has exactly that) to
     * Bob, and waits for all of them.
     *
     * @param fraudCheck how long each transfer pauses between its check and its update; not negative
     * @return how many transfers succeeded and the final balances
     * @throws InterruptedException if the calling thread is interrupted while waiting for the transfers
     */
    public static Outcome run(Duration fraudCheck) throws InterruptedException {
        Account alice = new Account(AMOUNT);
        Account bob = new Account(0);
        AtomicInteger succeeded = new AtomicInteger();
        List<Thread> transfers = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            transfers.add(Thread.ofVirtual().name("transfer-" + i).start(() -> {
                if (transfer(alice, bob, AMOUNT, fraudCheck)) {
                    succeeded.incrementAndGet();
                }
            }));
        }
        for (Thread transfer : transfers) {
            transfer.join();
        }
        return new Outcome(succeeded.get(), alice.balance, bob.balance);
    }

    /** Moves {@code amount} if {@code from} can cover it. Broken: the check and the update are separate steps. */
    static boolean transfer(Account from, Account to, int amount, Duration fraudCheck) {
        if (from.balance < amount) {
            return false;
        }
        pause(fraudCheck);
        from.balance -= amount;
        to.balance += amount;
        return true;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the transfers and prints what happened to the money.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for the transfers
     */
    public static void main(String[] args) throws InterruptedException {
        Outcome outcome = run(FRAUD_CHECK);
        System.out.println(outcome.succeeded() + " of " + ATTEMPTS + " transfers of " + AMOUNT
                + " succeeded; Alice: " + outcome.alice() + ", Bob: " + outcome.bob()
                + " (expected 1 transfer; Alice: 0, Bob: " + AMOUNT + ")");
    }
}
