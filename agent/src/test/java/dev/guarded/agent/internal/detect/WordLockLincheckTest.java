package dev.guarded.agent.internal.detect;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Mutual exclusion of a field's word lock ({@link WordShadow#lock}, {@link WordShadow#unlock}): a counter whose
 * increment is a plain read and a plain write of the field, made under the lock of that field's write word, must
 * behave as an atomic counter ({@link WordLockTest} checks the word's value around the lock).
 */
public class WordLockLincheckTest {

    /** A field with its words, laid out as the instrumenter lays them out. */
    static final class Cell {
        long count;
        transient long guarded$w$count;
        transient long guarded$r$count;
        transient long guarded$s$count;
        transient Object guarded$side;
    }

    private static final long WRITE_WORD = WordShadow.Words.offset(Cell.class, "guarded$w$count");

    private final Cell cell = new Cell();

    @Operation
    public long increment() {
        WordShadow.lock(cell, WRITE_WORD);
        try {
            long next = cell.count + 1;
            cell.count = next;
            return next;
        } finally {
            WordShadow.unlock(cell, WRITE_WORD);
        }
    }

    @Operation
    public long get() {
        WordShadow.lock(cell, WRITE_WORD);
        try {
            return cell.count;
        } finally {
            WordShadow.unlock(cell, WRITE_WORD);
        }
    }

    @Test
    void modelCheck() {
        LincheckRuns.modelCheck(getClass(), 3, 3);
    }

    @Test
    void stress() {
        LincheckRuns.stress(getClass(), 3, 3);
    }
}
