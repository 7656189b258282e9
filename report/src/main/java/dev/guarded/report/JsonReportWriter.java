package dev.guarded.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Report} as the stable JSON format:
 * <pre>
 * {"tool":"guarded","version":"0.1.0","mode":"hb",
 *  "summary":{"races":N,"fields":M,"suppressed":K,"dataRaces":D,"unguarded":U,"staleWrites":S},
 *  "races":[{"kind":"data-race","field":"com.acme.Counter.value","suppressed":false,
 *            "accesses":[{"op":"write","thread":"worker-2","locks":[],
 *                         "frames":[{"class":"...","method":"...","file":"...","line":12}],
 *                         "started":[...frames...]}, {...previous access...}]}]}
 * </pre>
 * A race inside a JDK object adds {@code "object":"java.util.HashMap@1b6d3586"} to the race and the called
 * {@code "method"} to each access. A {@code "kind":"stale-write"} race has four entries in {@code accesses}
 * (see {@link Race#STALE_WRITE}). {@code summary.races} counts unsuppressed races of every kind; readers that
 * ignore unknown fields and kinds read reports of older agents and this one alike. Stateless and thread-safe.
 */
public final class JsonReportWriter {

    private JsonReportWriter() {
    }

    /** @return the report as one line of JSON */
    public static String toJson(Report report) {
        Json j = new Json().begin('{')
                .field("tool", report.tool()).field("version", report.version()).field("mode", report.mode());
        j.name("summary").begin('{').field("races", report.raceCount()).field("fields", report.fieldCount())
                .field("suppressed", report.suppressedCount())
                .field("dataRaces", report.countOf(Race.DATA_RACE)).field("unguarded", report.countOf(Race.UNGUARDED))
                .field("staleWrites", report.countOf(Race.STALE_WRITE))
                .end('}');
        j.name("races").begin('[');
        for (Race race : report.races()) {
            j.begin('{').field("kind", race.kind()).field("field", race.field());
            if (race.object() != null) {
                j.field("object", race.object());
            }
            j.field("suppressed", race.suppressed());
            j.name("accesses").begin('[');
            for (Access a : race.accesses()) {
                j.begin('{').field("op", a.op()).field("thread", a.thread());
                if (a.method() != null) {
                    j.field("method", a.method());
                }
                j.name("locks").begin('[');
                for (String lock : a.locks()) {
                    j.value(lock);
                }
                j.end(']');
                frames(j, "frames", a.frames());
                frames(j, "started", a.started());
                j.end('}');
            }
            j.end(']').end('}');
        }
        return j.end(']').end('}').toString();
    }

    /**
     * Writes the report to {@code file} atomically (see {@link AtomicFileWriter#writeAtomically}).
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Report report, Path file) throws IOException {
        AtomicFileWriter.writeAtomically(file, toJson(report) + "\n");
    }

    private static void frames(Json j, String name, List<Frame> frames) {
        j.name(name).begin('[');
        for (Frame f : frames) {
            j.begin('{').field("class", f.className()).field("method", f.method()).field("file", f.file())
                    .field("line", f.line()).end('}');
        }
        j.end(']');
    }
}
