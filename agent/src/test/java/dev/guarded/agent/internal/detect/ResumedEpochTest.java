package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.agent.hook.ThreadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A thread that takes again the lock it released last, with nothing in between, goes on in the same epoch
 * ({@link ThreadState#resumeEpoch}, {@link SyncState#retractRelease}). The cases where it must not, each of which
 * would hide a race if it did, and the race that a key used as a lock and as another kind of sync object must
 * still show.
 */
class ResumedEpochTest {

    private final Harness h = new Harness("quiet");
    private final ThreadState t = h.thread("t");
    private final ThreadState u = h.thread("u");
    private final Object lock = new Object();
    private final Object x = new Object();

    /** t writes under the lock, releases it and takes it again. @return t's epoch before the release */
    private long writeReleaseRetake() {
        h.a.lockAcquired(t, lock);
        h.write(t, x);
        long before = t.epoch;
        h.a.lockReleasing(t, lock);
        h.a.lockAcquired(t, lock);
        return before;
    }

    @Test
    void aLockRetakenAtOnceKeepsTheEpochAndTheInlineCheck() {
        long before = writeReleaseRetake();
        assertEquals(before, t.epoch, "the epoch goes on");
        assertEquals(t.epoch, t.accessEpoch, "the inline check answers this epoch's accesses again");
        h.write(t, x);
        h.a.lockReleasing(t, lock);
        h.a.lockAcquired(u, lock);
        h.read(u, x);
        h.a.lockReleasing(u, lock);
        assertTrue(h.races().isEmpty(), "the next holder learns the whole epoch from the last release: " + h.output());
    }

    @Test
    void anExclusiveLockRetakenAtOnceKeepsTheEpochAndItsNextHolderLearnsIt() {
        h.a.lockAcquired(t, lock, true);
        h.write(t, x);
        long before = t.epoch;
        h.a.lockReleasing(t, lock, true);
        h.a.lockAcquired(t, lock, true);
        assertEquals(before, t.epoch, "the epoch goes on without the sync state's lock bit");
        assertEquals(t.epoch, t.accessEpoch);
        h.write(t, x);
        h.a.lockReleasing(t, lock, true);
        h.a.lockAcquired(u, lock, true);
        h.read(u, x);
        h.a.lockReleasing(u, lock, true);
        assertTrue(h.races().isEmpty(), "the next holder learns the whole epoch from the last release: " + h.output());
    }

    /** A write lock's reader acquires its clock between two holds of the writer, by the generic path. */
    @Test
    void noExclusiveResumeOnceAReaderLearnedTheRelease() {
        h.a.lockAcquired(t, lock, true);
        h.write(t, x);
        h.a.lockReleasing(t, lock, true);
        h.a.acquire(u, lock, 0);
        h.a.lockAcquired(t, lock, true);
        assertEquals(ThreadContext.NO_EPOCH, t.accessEpoch, "the reader knows the released epoch: t must leave it");
        h.write(t, x);
        h.read(u, x);
        assertEquals(1, h.races().size(), h.output());
    }

    @Test
    void aKeyAlsoUsedAsAnotherSyncObjectDoesNotTeachTheResumedEpoch() {
        writeReleaseRetake();
        h.write(t, x);                 // after taking the lock again, in the resumed epoch
        h.a.acquire(u, lock, 0);       // the same object as a future or latch: no wait for the lock's holder
        h.read(u, x);
        assertEquals(1, h.races().size(), "the write after the lock was taken again is not ordered: " + h.output());
    }

    @Test
    void noResumeOnceAnotherThreadLearnedTheRelease() {
        h.a.lockAcquired(t, lock);
        h.write(t, x);
        long before = t.epoch;
        h.a.lockReleasing(t, lock);
        h.a.acquire(u, lock, 0);       // learns t's epoch through the key's other use
        h.a.lockAcquired(t, lock);
        assertEquals(ThreadContext.NO_EPOCH, t.accessEpoch, "u knows the released epoch: t must leave it");
        h.write(t, x);
        h.read(u, x);
        assertEquals(1, h.races().size(), h.output());
    }

    /** The epoch was also published into another channel, before or after the lock's release: it has ended. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noResumeWhenTheEpochWasReleasedElsewhereToo(boolean otherFirst) {
        Object other = new Object();
        h.a.lockAcquired(t, lock);
        h.write(t, x);
        long before = t.epoch;
        if (otherFirst) {
            h.a.release(t, other, 0);
        }
        h.a.lockReleasing(t, lock);
        if (!otherFirst) {
            h.a.release(t, other, 0);
        }
        h.a.lockAcquired(t, lock);
        assertEquals(ThreadContext.NO_EPOCH, t.accessEpoch);
        h.write(t, x);
        assertNotEquals(before, t.epoch);
        h.a.acquire(u, other, 0);
        h.read(u, x);
        assertEquals(1, h.races().size(), "u learned the epoch before the write: " + h.output());
    }

    @Test
    void noResumeWhenTheHeldSetDiffers() {
        Object readLock = new Object();
        h.a.lockHeld(t, readLock);     // a shared hold: in the lockset, no release when it ends
        h.a.lockAcquired(t, lock);
        h.write(t, x);
        long before = t.epoch;
        h.a.lockReleasing(t, lock);
        h.a.lockDropped(t, readLock);
        h.a.lockAcquired(t, lock);
        assertEquals(ThreadContext.NO_EPOCH, t.accessEpoch,
                "the epoch's accesses held the read lock too; reports name the locks of an epoch");
        h.write(t, x);
        assertNotEquals(before, t.epoch);
    }

    @Test
    void noResumeAfterAnAccessBetween() {
        h.a.lockAcquired(t, lock);
        h.write(t, x);
        long before = t.epoch;
        h.a.lockReleasing(t, lock);
        h.write(t, x);                 // outside the lock: a new epoch began
        long outside = t.epoch;
        h.a.lockAcquired(t, lock);
        assertNotEquals(before, outside);
        assertEquals(ThreadContext.NO_EPOCH, t.accessEpoch, "the epoch that ended with the release is not resumed");
    }

    @Test
    void noResumeInHybridMode() {
        Harness hybrid = new Harness("quiet,mode=hybrid");
        ThreadState w = hybrid.thread("w");
        hybrid.a.lockAcquired(w, lock);
        hybrid.write(w, x);
        long before = w.epoch;
        hybrid.a.lockReleasing(w, lock);
        hybrid.a.lockAcquired(w, lock);
        assertEquals(ThreadContext.NO_EPOCH, w.accessEpoch, "the transfer clock is not taken back");
        assertEquals(before, w.epoch, "(the tick waits for the next access)");
    }
}
