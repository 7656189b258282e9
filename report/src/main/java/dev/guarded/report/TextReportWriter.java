package dev.guarded.report;

import java.util.List;

/**
 * Formats races and the exit summary as text, in the spirit of ThreadSanitizer:
 * <pre>
 * WARNING: Guarded: data race on field com.acme.Counter.value
 *   Write of com.acme.Counter.value by thread "worker-2":
 *     at com.acme.Counter.increment(Counter.java:12)
 *     locks held: none
 *   Previous read by thread "worker-1":
 *     at com.acme.Counter.increment(Counter.java:11)
 *     locks held: none
 *   Thread "worker-2" was started at:
 *     at com.acme.Main.main(Main.java:20)
 * </pre>
 * A race inside a JDK object names the object and the methods called:
 * {@code data race on java.util.HashMap@1b6d3586 (put vs put)}, then {@code Write (put) of java.util.HashMap@1b6d3586}.
 * Thread-start stacks stop at the first test-harness frame ({@link TestFrameworkFrames}), with a line saying how
 * many frames were left out; the JSON report keeps them all. A stale write between async flows reads
 * {@code stale write to field com.acme.X.value}, then this write, the other flow's write ("Written meanwhile"),
 * the earlier read ("Read before the flow suspended") and where the flow suspended. Stateless and thread-safe.
 */
public final class TextReportWriter {

    private TextReportWriter() {
    }

    /** @return the multi-line description of one race, ending with a newline */
    public static String format(Race race) {
        boolean unguarded = Race.UNGUARDED.equals(race.kind());
        boolean stale = Race.STALE_WRITE.equals(race.kind());
        boolean array = race.field().endsWith("[]");
        String location = race.object() != null ? race.object() : race.field();
        StringBuilder sb = new StringBuilder("WARNING: Guarded: ")
                .append(unguarded ? "unguarded access to " : stale ? "stale write to " : "data race on ");
        if (race.object() != null) {
            sb.append(location).append(methods(race.accesses()));
        } else {
            sb.append(array ? "an element of " : "field ").append(location);
        }
        if (race.suppressed()) {
            sb.append(" (suppressed)");
        }
        sb.append('\n');
        List<Access> accesses = race.accesses();
        for (int i = 0; i < accesses.size(); i++) {
            Access a = accesses.get(i);
            if (stale && i > 0) {
                staleEntry(sb, i, a);
                continue;
            }
            if (i == 0) {
                sb.append("  ").append(capitalize(a.op())).append(called(a)).append(" of ").append(location);
            } else {
                sb.append("  Previous ").append(a.op()).append(called(a));
            }
            sb.append(" by thread \"").append(a.thread()).append("\":\n");
            frames(sb, a.frames());
            sb.append("    locks held: ").append(a.locks().isEmpty() ? "none" : String.join(", ", a.locks())).append('\n');
        }
        for (int i = 0; i < accesses.size(); i++) {
            Access a = accesses.get(i);
            if (i == 1 && a.thread().equals(accesses.get(0).thread())) {
                continue;
            }
            if (!a.started().isEmpty()) {
                sb.append("  Thread \"").append(a.thread()).append("\" was started at:\n");
                List<Frame> shown = TestFrameworkFrames.applicationPart(a.started());
                frames(sb, shown);
                int omitted = a.started().size() - shown.size();
                if (omitted > 0) {
                    sb.append("    ... ").append(plural(omitted, "test-framework frame")).append(" omitted\n");
                }
            }
        }
        return sb.toString();
    }

    /** The second to fourth entries of a stale write: the other flow's write, the read, the suspension. */
    private static void staleEntry(StringBuilder sb, int i, Access a) {
        if (Race.SUSPENDED.equals(a.op())) {
            sb.append("  The reading flow suspended at:\n");
            frames(sb, a.frames());
            return;
        }
        sb.append(i == 1 ? "  Written meanwhile by another flow, thread \"" : "  Read before the flow suspended, by thread \"")
                .append(a.thread()).append("\":\n");
        frames(sb, a.frames());
        sb.append("    locks held: ").append(a.locks().isEmpty() ? "none" : String.join(", ", a.locks())).append('\n');
    }

    /**
     * The exit summary, e.g. {@code Guarded: 1 data race in 1 field (0 suppressed)}, or
     * {@code Guarded: no data races (0 suppressed)}; unguarded findings and stale writes are appended when there
     * are any.
     */
    public static String summary(Report report) {
        int races = report.countOf(Race.DATA_RACE);
        int unguarded = report.countOf(Race.UNGUARDED);
        int stale = report.countOf(Race.STALE_WRITE);
        int fields = report.fieldCount();
        StringBuilder sb = new StringBuilder("Guarded: ");
        if (races == 0 && unguarded == 0 && stale == 0) {
            sb.append("no data races");
        } else {
            if (races > 0 || (unguarded == 0 && stale == 0)) {
                sb.append(plural(races, "data race"));
            }
            if (unguarded > 0) {
                sb.append(races > 0 ? ", " : "").append(plural(unguarded, "unguarded access"));
            }
            if (stale > 0) {
                sb.append(races > 0 || unguarded > 0 ? ", " : "").append(plural(stale, "stale write"));
            }
            sb.append(" in ").append(plural(fields, "field"));
        }
        return sb.append(" (").append(report.suppressedCount()).append(" suppressed)").toString();
    }

    /** {@code " (put vs get)"}: the methods of a race inside a JDK object, current first. */
    static String methods(List<Access> accesses) {
        StringBuilder sb = new StringBuilder(" (");
        for (int i = 0; i < accesses.size(); i++) {
            String m = accesses.get(i).method();
            sb.append(i == 0 ? "" : " vs ").append(m == null ? "?" : m);
        }
        return sb.append(')').toString();
    }

    private static String called(Access a) {
        return a.method() == null ? "" : " (" + a.method() + ")";
    }

    private static void frames(StringBuilder sb, List<Frame> frames) {
        for (Frame f : frames) {
            sb.append("    at ").append(f).append('\n');
        }
    }

    private static String plural(int n, String noun) {
        String s = noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : s);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
