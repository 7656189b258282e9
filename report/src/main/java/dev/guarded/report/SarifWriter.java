package dev.guarded.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Report} as SARIF 2.1.0 for code-scanning tools (GitHub code scanning included).
 *
 * <p>One run whose {@code tool.driver} declares three rules: {@code data-race} (level {@code error}),
 * {@code unguarded-access} (level {@code warning}) and {@code stale-write} (level {@code error}; its related
 * locations are the other flow's write, the earlier read and where the flow suspended). Each race becomes a result with the rule, a message
 * naming the field and both threads, the location of the current access, a related location for the
 * previous access, and one code flow with a thread flow per thread (its access stack, innermost last).
 * Source locations are guesses made from class names: {@code com/acme/Counter.java}, relative to the
 * {@code SRCROOT} base id, which a consumer resolves to the source root (e.g. {@code src/main/java});
 * when a file is unknown, the outer class name plus {@code .java} is used. Suppressed races carry a
 * SARIF {@code suppressions} entry of kind {@code external}. Stateless and thread-safe.
 */
public final class SarifWriter {

    /** The SARIF schema this writer follows. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifWriter() {
    }

    /** @return the rule id for a race kind: {@code data-race}, {@code unguarded-access} or {@code stale-write} */
    public static String ruleId(String kind) {
        return Race.UNGUARDED.equals(kind) ? "unguarded-access" : Race.STALE_WRITE.equals(kind) ? "stale-write" : "data-race";
    }

    private static int ruleIndex(String kind) {
        return Race.UNGUARDED.equals(kind) ? 1 : Race.STALE_WRITE.equals(kind) ? 2 : 0;
    }

    /** @return the report as a SARIF 2.1.0 log (one line of JSON) */
    public static String toSarif(Report report) {
        Json j = new Json().begin('{').field("$schema", SCHEMA).field("version", "2.1.0");
        j.name("runs").begin('[').begin('{');
        j.name("tool").begin('{').name("driver").begin('{').field("name", "Guarded")
                .field("version", report.version()).field("informationUri", "https://github.com/guarded-dev/guarded");
        j.name("rules").begin('[');
        rule(j, "data-race", "DataRace", "error",
                "Two accesses to the same location, at least one a write, not ordered by happens-before.",
                "Protect the location with one lock, make it volatile/atomic, or hand it over through a "
                        + "synchronizing construct (executor, queue, future) so that the accesses are ordered.");
        rule(j, "unguarded-access", "UnguardedAccess", "warning",
                "A location written by several threads with no lock common to all its accesses.",
                "The accesses happened to be ordered in this run, but no lock guards the location; another "
                        + "schedule may race. Guard it with one lock or document the handoff.");
        rule(j, "stale-write", "StaleWrite", "error",
                "An async flow wrote back a value it read before suspending, after another flow wrote the location.",
                "The flows ran one at a time, but the update is lost all the same. Hold an AsyncLock (or another "
                        + "lock or permit) from the read to the write, or do not suspend between them.");
        j.end(']').end('}').end('}');
        j.name("originalUriBaseIds").begin('{').name("SRCROOT").begin('{')
                .name("description").begin('{').field("text", "The source root, e.g. src/main/java").end('}')
                .end('}').end('}');
        j.name("results").begin('[');
        for (Race race : report.races()) {
            result(j, race);
        }
        j.end(']');
        return j.end('}').end(']').end('}').toString();
    }

    /**
     * Writes the SARIF log to {@code file} atomically.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Report report, Path file) throws IOException {
        AtomicFileWriter.writeAtomically(file, toSarif(report) + "\n");
    }

    private static void rule(Json j, String id, String name, String level, String description, String help) {
        j.begin('{').field("id", id).field("name", name)
                .name("shortDescription").begin('{').field("text", description).end('}')
                .name("help").begin('{').field("text", help).end('}')
                .name("defaultConfiguration").begin('{').field("level", level).end('}')
                .end('}');
    }

    private static void result(Json j, Race race) {
        boolean unguarded = Race.UNGUARDED.equals(race.kind());
        Access current = race.accesses().isEmpty() ? null : race.accesses().get(0);
        Access previous = race.accesses().size() > 1 ? race.accesses().get(1) : null;
        j.begin('{').field("ruleId", ruleId(race.kind())).field("ruleIndex", ruleIndex(race.kind()))
                .field("level", unguarded ? "warning" : "error");
        j.name("message").begin('{').field("text", message(race, current, previous)).end('}');
        j.name("locations").begin('[');
        if (current != null && current.site() != null) {
            location(j, current.site(), null, -1);
        }
        j.end(']');
        j.name("relatedLocations").begin('[');
        if (previous != null && previous.site() != null) {
            location(j, previous.site(), "previous " + previous.op() + " by thread \"" + previous.thread() + "\"", 1);
        }
        for (int i = 2; i < race.accesses().size(); i++) {
            Access a = race.accesses().get(i);
            if (a.site() != null) {
                String what = Race.SUSPENDED.equals(a.op()) ? "the flow suspended here" : "earlier " + a.op();
                location(j, a.site(), what + " by thread \"" + a.thread() + "\"", i);
            }
        }
        j.end(']');
        j.name("codeFlows").begin('[').begin('{').name("threadFlows").begin('[');
        for (Access a : race.accesses()) {
            threadFlow(j, a);
        }
        j.end(']').end('}').end(']');
        j.name("partialFingerprints").begin('{')
                .field("guardedRace/v1", Integer.toHexString(race.key().hashCode())).end('}');
        if (race.suppressed()) {
            j.name("suppressions").begin('[').begin('{').field("kind", "external").end('}').end(']');
        }
        j.end('}');
    }

    private static String message(Race race, Access current, Access previous) {
        String what = Race.UNGUARDED.equals(race.kind()) ? "Unguarded access to "
                : Race.STALE_WRITE.equals(race.kind()) ? "Stale write to " : "Data race on ";
        StringBuilder sb = new StringBuilder(what).append(race.object() != null ? race.object() : race.field());
        if (race.object() != null) {
            sb.append(TextReportWriter.methods(race.accesses()));
        }
        if (current != null) {
            sb.append(": ").append(current.op()).append(" by thread \"").append(current.thread()).append('"');
        }
        if (previous != null) {
            sb.append(" conflicts with a previous ").append(previous.op()).append(" by thread \"")
                    .append(previous.thread()).append('"');
        }
        return sb.append('.').toString();
    }

    private static void threadFlow(Json j, Access a) {
        j.begin('{').field("id", a.thread())
                .name("message").begin('{').field("text", a.op() + " by thread \"" + a.thread() + "\"").end('}');
        j.name("locations").begin('[');
        List<Frame> frames = a.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            j.begin('{').name("location");
            location(j, frames.get(i), i == 0 ? a.op() + " of the field" : null, -1);
            j.end('}');
        }
        j.end(']').end('}');
    }

    private static void location(Json j, Frame f, String message, int id) {
        j.begin('{');
        if (id >= 0) {
            j.field("id", id);
        }
        j.name("physicalLocation").begin('{')
                .name("artifactLocation").begin('{').field("uri", f.sourcePath()).field("uriBaseId", "SRCROOT").end('}');
        if (f.line() > 0) {
            j.name("region").begin('{').field("startLine", f.line()).end('}');
        }
        j.end('}');
        j.name("logicalLocations").begin('[').begin('{')
                .field("fullyQualifiedName", f.className() + "." + f.method()).field("kind", "function").end('}').end(']');
        if (message != null) {
            j.name("message").begin('{').field("text", message).end('}');
        }
        j.end('}');
    }
}
