package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConditionCoordinatesProducersAndConsumersTest {

    @Test
    void consumersTakeExactlyWhatProducersMade() throws InterruptedException {
        assertEquals(15_150, ConditionCoordinatesProducersAndConsumers.expectedTotal());
        assertEquals(15_150, ConditionCoordinatesProducersAndConsumers.run());
    }
}
