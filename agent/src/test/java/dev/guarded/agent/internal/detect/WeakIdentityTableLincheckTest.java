package dev.guarded.agent.internal.detect;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@link WeakIdentityTable} on a table of two stripes of two buckets, so that a third key
 * in a stripe resizes it while other threads look keys up. The sequential specification is the table itself
 * run one operation at a time (a plain identity map); a second table, whose values are their own entries, runs
 * beside it. Keys are a fixed pool of strongly held objects.
 */
@Param(name = "key", gen = IntGen.class, conf = "0:7")
public class WeakIdentityTableLincheckTest {

    private static final Object[] KEYS = new Object[8];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = new Object();
        }
    }

    private final WeakIdentityTable<Integer> table = new WeakIdentityTable<>(null, 1, 2);
    /** A second table, independent of the first, whose values are their own entries (as array shadows are). */
    private final WeakIdentityTable<LabelledEntry> entries = new WeakIdentityTable<>(null, 1, 2);

    /** Entries made so far in {@link #entries}, each labelled with its number: one made twice shows a new label. */
    private final java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();

    @Operation
    public Integer get(@Param(name = "key") int key) {
        return table.get(KEYS[key]);
    }

    @Operation
    public Integer putIfAbsent(@Param(name = "key") int key, int value) {
        return table.putIfAbsent(KEYS[key], value);
    }

    @Operation
    public Integer getOrCreate(@Param(name = "key") int key) {
        return table.getOrCreate(KEYS[key], k -> key * 100);
    }

    @Operation
    public Integer getEntry(@Param(name = "key") int key) {
        LabelledEntry e = entries.get(KEYS[key]);
        return e == null ? null : e.label;
    }

    @Operation
    public int createEntry(@Param(name = "key") int key) {
        return entries.createEntryAfterMiss(KEYS[key], (k, h) -> new LabelledEntry(k, h, made.incrementAndGet())).label;
    }

    @Test
    void modelCheck() {
        LincheckRuns.modelCheck(getClass(), 3, 4);
    }

    @Test
    void stress() {
        LincheckRuns.stress(getClass(), 3, 4);
    }
}
