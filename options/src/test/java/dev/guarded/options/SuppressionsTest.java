package dev.guarded.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    private final Suppressions s = Suppressions.parse(List.of(
            "# intentional races",
            "",
            "field:com.acme.Cache.hash   # racy single-check idiom",
            "field:int[]",
            "field:com.acme.stats.*.count",
            "class:com.acme.metrics.**"), "s.txt");

    @Test
    void matchesFieldsArraysAndClasses() {
        assertEquals(4, s.size());
        assertTrue(s.suppresses("com.acme.Cache.hash", "com.acme.Cache"));
        assertFalse(s.suppresses("com.acme.Cache.size", "com.acme.Cache"));
        assertTrue(s.suppresses("int[]", null));
        assertFalse(s.suppresses("long[]", null));
        assertTrue(s.suppresses("com.acme.stats.Hits.count", "com.acme.stats.Hits"));
        assertFalse(s.suppresses("com.acme.stats.a.Hits.count", "com.acme.stats.a.Hits"));
        assertTrue(s.suppresses("com.acme.metrics.x.Gauge.v", "com.acme.metrics.x.Gauge"), "declaring class");
        assertTrue(s.suppresses("long[]", null, "com.acme.Main", "com.acme.metrics.Sampler"), "accessing class");
        assertFalse(s.suppresses("long[]", null, "com.acme.Main", null));
    }

    @Test
    void badLinesNameFileAndLine() {
        assertError(List.of("field:a.B.c", "fields:a.B.c"), "s.txt:2: 'fields:a.B.c' is not an entry; accepted: "
                + "'field:<pattern>', 'class:<pattern>', '# comment'");
        assertError(List.of("com.acme.Foo"), "s.txt:1: 'com.acme.Foo' is not an entry; accepted: "
                + "'field:<pattern>', 'class:<pattern>', '# comment'");
        assertError(List.of("", "class:   # nothing"), "s.txt:2: 'class:' has no pattern after 'class:'");
        assertError(List.of("field:a b"), "s.txt:1: class pattern 'a b' has the character ' '; accepted: "
                + "Java name characters, '.', '*' and '**'");
    }

    private static void assertError(List<String> lines, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Suppressions.parse(lines, "s.txt"));
        assertEquals(message, e.getMessage());
    }
}
