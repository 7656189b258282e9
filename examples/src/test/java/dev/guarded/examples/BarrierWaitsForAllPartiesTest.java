package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierWaitsForAllPartiesTest {

    @Test
    void printsTheStatesAsAsyncioDoes() throws Exception {
        Lines printed = new Lines();
        BarrierWaitsForAllParties.run(printed.out());
        assertEquals(List.of(
                "AsyncBarrier[filling, waiters:2/3]",
                "AsyncBarrier[draining, waiters:0/3]",
                "barrier passed",
                "AsyncBarrier[filling, waiters:0/3]"), printed.lines());
    }
}
