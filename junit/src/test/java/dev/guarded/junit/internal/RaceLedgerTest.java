package dev.guarded.junit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceLedgerTest {

    private static final String RACE = """
            WARNING: Guarded: data race on field com.acme.Counter.value
              Write of com.acme.Counter.value by thread "worker-2":
                at com.acme.Counter.increment(Counter.java:12)
                at com.acme.Main.lambda$main$0(Main.java:20)
                locks held: none
              Previous read by thread "worker-1":
                at com.acme.Counter.increment(Counter.java:11)
                locks held: java.lang.Object@1b6d3586
              Thread "worker-2" was started at:
                at com.acme.Main.main(Main.java:18)
            """;

    @Test
    void headlineNamesTheFieldAndBothSites() {
        assertEquals("data race on field com.acme.Counter.value: write at com.acme.Counter.increment(Counter.java:12),"
                + " previous read at com.acme.Counter.increment(Counter.java:11)", RaceLedger.headline(RACE));
        assertEquals("something else", RaceLedger.headline("something else"));
    }

    @Test
    void failureMessageHasOneLinePerRaceAndSaysWhereTheStacksAre() {
        String message = RaceLedger.failureMessage("racy()", List.of(RACE, RACE.replace("value", "hits")));
        List<String> lines = message.lines().toList();
        assertEquals(4, lines.size(), message);
        assertEquals("race detected during execution of test racy(): 2 data races", lines.get(0));
        assertEquals("  " + RaceLedger.headline(RACE), lines.get(1));
        assertEquals(RaceLedger.FULL_REPORT_HINT, lines.get(3));
    }
}
