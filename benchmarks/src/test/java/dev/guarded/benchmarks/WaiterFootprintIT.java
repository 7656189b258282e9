package dev.guarded.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.benchmarks.locks.AsyncQueueKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke pass of the footprint main with a small queue: every primitive queues, drains and reports a row. */
class WaiterFootprintIT {

    @Test
    void everyPrimitiveReportsARow() throws Exception {
        ChildJava.Result run = ChildJava.run(120, List.of("-Xmx1g", "-cp", ChildJava.benchmarksJar().toString(),
                "dev.guarded.benchmarks.footprint.WaiterFootprint", "20000"));
        assertEquals(0, run.exit(), run.output());
        for (AsyncQueueKind kind : AsyncQueueKind.values()) {
            assertTrue(run.output().lines().anyMatch(line -> line.startsWith(kind.name() + " ")),
                    "no row for " + kind + " in:\n" + run.output());
        }
    }
}
