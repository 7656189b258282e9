package dev.guarded.benchmarks.overhead.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scaling-limit workload counts every thread through each channel and rejects other channel counts. */
class HotChannelsTest {

    @Test
    void everyThreadPassesEachChannelOnce() throws Exception {
        assertEquals(1000, new HotChannels().run(new int[] {1000, 1}));
        assertEquals(2000, new HotChannels().run(new int[] {1000, 2}));
    }

    @Test
    void otherChannelCountsAreRejectedWithTheAcceptedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HotChannels().run(new int[] {10, 3}));
        assertTrue(e.getMessage().contains("1 (a lock) or 2"), e.getMessage());
    }
}
