package dev.guarded.agent.internal.detect;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@link WeakIdentityTable} on a table of two stripes of two buckets, so that a third key
 * in a stripe resizes it while other threads look keys up. The sequential specification is the table itself
 * run one operation at a time (a plain identity map). Keys are a fixed pool of strongly held objects.
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

    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                .iterations(Integer.getInteger("guarded.lincheck.iterations", 20))
                .invocationsPerIteration(Integer.getInteger("guarded.lincheck.invocations", 400))
                .threads(3)
                .actorsPerThread(4)
                .check(getClass());
    }

    @Test
    void stress() {
        new StressOptions()
                .iterations(Integer.getInteger("guarded.lincheck.iterations", 20))
                .invocationsPerIteration(Integer.getInteger("guarded.lincheck.invocations", 400))
                .threads(3)
                .actorsPerThread(4)
                .check(getClass());
    }
}
