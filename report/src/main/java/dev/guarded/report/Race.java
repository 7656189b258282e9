package dev.guarded.report;

import java.util.List;

/**
 * One reported race: a location and the two conflicting accesses (current first, previous second). Immutable.
 *
 * @param kind       {@link #DATA_RACE} (unordered by happens-before), {@link #UNGUARDED} (no common lock) or
 *                   {@link #STALE_WRITE} (a write-back across a suspension of an async flow)
 * @param field      {@code com.acme.Counter.value} for a field, the array type such as {@code int[]} for elements,
 *                   the class such as {@code java.util.HashMap} for the state of a JDK object
 * @param suppressed whether a suppression file entry or {@code @BenignRace} covers it; suppressed races are
 *                   counted but never fail a build
 * @param accesses   the current access then the previous conflicting one (a stale write: see {@link #STALE_WRITE})
 * @param object     for a race inside a JDK object, that object as {@code java.util.HashMap@1b6d3586} (its
 *                   class, the {@code field}, at its identity hash); null for field and array races
 */
public record Race(String kind, String field, boolean suppressed, List<Access> accesses, String object) {

    /** Kind of a happens-before race. */
    public static final String DATA_RACE = "data-race";
    /** Kind of a lockset (Eraser) violation. */
    public static final String UNGUARDED = "unguarded";
    /**
     * Kind of a stale write between async flows: a flow wrote back a value it read before suspending, after
     * another flow had written the location. Its accesses are this write, the other flow's write, the earlier
     * read, and a fourth entry with op {@link #SUSPENDED} whose frames say where the reading flow handed
     * itself on.
     */
    public static final String STALE_WRITE = "stale-write";
    /** The {@code op} of a stale write's fourth entry: where the flow suspended, not an access. */
    public static final String SUSPENDED = "suspended";

    /** Copies the list. */
    public Race {
        accesses = List.copyOf(accesses);
    }

    /** A race on a field or on array elements (no object). */
    public Race(String kind, String field, boolean suppressed, List<Access> accesses) {
        this(kind, field, suppressed, accesses, null);
    }

    /**
     * The identity used to merge and deduplicate reports: kind, field and the unordered pair of the two
     * accesses' innermost frames (class, method, line).
     */
    public String key() {
        String a = siteKey(0);
        String b = siteKey(1);
        return kind + "|" + field + "|" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a);
    }

    private String siteKey(int i) {
        if (i >= accesses.size() || accesses.get(i).site() == null) {
            return "?";
        }
        Frame f = accesses.get(i).site();
        return f.className() + "." + f.method() + ":" + f.line();
    }
}
