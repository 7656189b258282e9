package dev.guarded.agent.hook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RaceLogTest {

    @Test
    void recordsAndDescribesSinceAnIndex() {
        int before = RaceLog.count();
        RaceLog.record("race on a.B.x");
        RaceLog.record("race on a.B.y");
        assertEquals(before + 2, RaceLog.count());
        assertArrayEquals(new String[] {"race on a.B.y"}, RaceLog.describeSince(before + 1));
        assertEquals(2, RaceLog.describeSince(before).length);
        assertEquals(0, RaceLog.describeSince(before + 5).length);
        assertEquals(before + 2, RaceLog.describeSince(-3).length);
    }
}
