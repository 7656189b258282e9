package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankTransferTest {

    @Test
    void checkThenActLetsSeveralTransfersOverdraw() throws InterruptedException {
        // A long fraud check so that all transfers pass their balance check before the first debit.
        BankTransferRace.Outcome outcome = BankTransferRace.run(Duration.ofMillis(100));
        assertTrue(outcome.succeeded() > 1, "expected the race to let several through: " + outcome);
        assertTrue(outcome.alice() < 0, "expected an overdraft: " + outcome);
    }

    @Test
    void lockedTransferLetsExactlyOneThrough() throws InterruptedException {
        assertEquals(new BankTransferRace.Outcome(1, 0, BankTransferRace.AMOUNT),
                BankTransferFixed.run(Duration.ofMillis(10)));
    }

    @Test
    void oppositeTransfersNeitherDeadlockNorLoseMoney() throws InterruptedException {
        BankTransferFixed.Account a = new BankTransferFixed.Account(1, 1_000);
        BankTransferFixed.Account b = new BankTransferFixed.Account(2, 1_000);
        List<Thread> transfers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean forward = i % 2 == 0;
            transfers.add(Thread.ofVirtual().start(() -> {
                try {
                    BankTransferFixed.transfer(forward ? a : b, forward ? b : a, 1, Duration.ZERO);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread transfer : transfers) {
            // A deadlock would leave threads alive; the bound only keeps a broken build from hanging.
            assertTrue(transfer.join(Duration.ofSeconds(30)), "transfer still running: possible deadlock");
        }
        assertEquals(1_000, a.balance);
        assertEquals(1_000, b.balance);
    }

    @Test
    void refusesATransferToTheSameAccount() {
        BankTransferFixed.Account a = new BankTransferFixed.Account(7, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BankTransferFixed.transfer(a, a, 1, Duration.ZERO));
        assertEquals("cannot transfer from account 7 to itself", e.getMessage());
        assertFalse(a.lock.isLocked(), "a refused transfer must leave the lock free");
    }
}
