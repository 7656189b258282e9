package dev.guarded.benchmarks.overhead.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every thread reads every setting on every round: the checksum counts each read. */
class SharedConfigTest {

    @Test
    void eachThreadSumsItsReadsOfEverySetting() throws Exception {
        // per round 64 + 3 + (1,500,000 >>> 20 = 1) + 1 + (round & 1); per thread also its number
        long perThread = 1000L * 69 + 500;
        assertEquals(perThread + (perThread + 1) + (perThread + 2), new SharedConfig().run(new int[] {3, 1000}));
    }
}
