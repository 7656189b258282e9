package dev.guarded.agent.internal.detect;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@link SharedSyncNodes}: three keys share one slot (the test gives them one hash) and each
 * node is one table lookup short of its slot, so that threads install and evict the slot while others look it
 * up. The sequential specification ({@link Specification}) is a lookup that always answers its own key's node,
 * from the slot or, when the slot has none for the key, from the weak table (here an array of the three nodes); a
 * slot read that returned another key's node, or a node published before its fields, would break it.
 */
@Param(name = "key", gen = IntGen.class, conf = "0:2")
public class SharedSyncNodesLincheckTest {

    /** One slot for every key. */
    private static final int HASH = 5;
    private static final Object[] KEYS = {new Object(), new Object(), new Object()};

    private final SharedSyncNodes cache = new SharedSyncNodes();
    private final SyncNode[] nodes = new SyncNode[KEYS.length];

    public SharedSyncNodesLincheckTest() {
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new SyncNode();
            nodes[i].tableLookups = (byte) (SharedSyncNodes.INSTALL_AFTER - 1);
        }
    }

    /** @return the number of the key whose node the lookup found */
    @Operation
    public int lookUp(@Param(name = "key") int key) {
        SyncNode found = cache.get(KEYS[key], HASH);
        if (found == null) {
            found = nodes[key];
            cache.lookedUp(KEYS[key], HASH, found);
        }
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == found) {
                return i;
            }
        }
        return -1;
    }

    /** What every lookup must return: the number of its own key. */
    public static class Specification {
        public int lookUp(int key) {
            return key;
        }
    }

    @Test
    void modelCheck() {
        LincheckRuns.modelCheck(getClass(), Specification.class, 3, 3);
    }

    @Test
    void stress() {
        LincheckRuns.stress(getClass(), Specification.class, 3, 3);
    }
}
