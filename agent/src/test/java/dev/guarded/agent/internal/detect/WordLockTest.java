package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.guarded.agent.internal.meta.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The lock bit of a field's write word ({@link WordShadow#LOCKED}): it keeps the word's epoch while held, never
 * stays behind after an access, and a bit that no thread holds (a copy of an object made while its original
 * was locked) is taken over instead of waited for forever.
 */
class WordLockTest {

    private static final long WRITE_WORD = WordShadow.Words.offset(WordLockLincheckTest.Cell.class,
            "guarded$w$count");

    @Test
    void theLockKeepsTheEpochAndUnlockRestoresIt() {
        WordLockLincheckTest.Cell cell = new WordLockLincheckTest.Cell();
        long epoch = Epoch.make(3, 41);
        cell.guarded$w$count = epoch;
        WordShadow.lock(cell, WRITE_WORD);
        assertEquals(epoch | WordShadow.LOCKED, WordShadow.Words.getLong(cell, WRITE_WORD));
        WordShadow.unlock(cell, WRITE_WORD);
        assertEquals(epoch, cell.guarded$w$count);
    }

    @Test
    void aLockBitNobodyHoldsIsTakenOver() {
        WordLockLincheckTest.Cell copy = new WordLockLincheckTest.Cell();
        long epoch = Epoch.make(2, 7);
        copy.guarded$w$count = epoch | WordShadow.LOCKED;   // as a field-by-field copy of a locked original
        WordShadow.lock(copy, WRITE_WORD);
        WordShadow.unlock(copy, WRITE_WORD);
        assertEquals(epoch, copy.guarded$w$count, "taken over and released, the epoch intact");
    }

    @Test
    void accessesLeaveNoLockBitAndSeeTheEpochUnderIt() {
        Metadata meta = new Metadata();
        int field = meta.field(WordLockLincheckTest.Cell.class.getName(), "count", "J", false, false);
        meta.markWords(field);
        ThreadRegistry registry = new ThreadRegistry(Integer.MAX_VALUE, 0, 8);
        WordShadow words = new WordShadow(meta, registry);
        ThreadState t = registry.stateOf(new Thread(() -> { }, "t"));
        WordLockLincheckTest.Cell cell = new WordLockLincheckTest.Cell();
        WordShadow.Layout layout = words.layout(cell, field);
        assertNull(words.write(t, cell, layout, field, 1));
        assertEquals(t.epoch, cell.guarded$w$count, "the write's epoch, without the lock bit");
        assertNull(words.read(t, cell, layout, field, 2));
        assertEquals(t.epoch, cell.guarded$w$count, "a read leaves the write word as it found it");
        assertEquals(t.epoch, cell.guarded$r$count);
        assertNull(words.write(t, cell, layout, field, 3), "the same epoch again: no conflict");
        assertEquals(t.epoch, cell.guarded$w$count);
    }
}
