package dev.guarded.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one run (or a merge of runs) found. Immutable; the summary is derived from the races.
 *
 * @param tool    always {@code "guarded"}
 * @param version the agent's version
 * @param mode    the detection mode: {@code hb}, {@code lockset} or {@code hybrid}
 * @param races   the races, in the order they were found
 */
public record Report(String tool, String version, String mode, List<Race> races) {

    /** The tool name written into reports. */
    public static final String TOOL = "guarded";
    /** The version written into reports. */
    public static final String VERSION = "0.1.0";

    /** Copies the list. */
    public Report {
        races = List.copyOf(races);
    }

    /** @return a report of this tool and version */
    public static Report of(String mode, List<Race> races) {
        return new Report(TOOL, VERSION, mode, races);
    }

    /** @return unsuppressed races of either kind */
    public int raceCount() {
        return (int) races.stream().filter(r -> !r.suppressed()).count();
    }

    /** @return unsuppressed races of the given kind */
    public int countOf(String kind) {
        return (int) races.stream().filter(r -> !r.suppressed() && r.kind().equals(kind)).count();
    }

    /** @return distinct fields with at least one unsuppressed race */
    public int fieldCount() {
        Set<String> fields = new TreeSet<>();
        for (Race r : races) {
            if (!r.suppressed()) {
                fields.add(r.field());
            }
        }
        return fields.size();
    }

    /** @return suppressed races */
    public int suppressedCount() {
        return races.size() - raceCount();
    }

    /**
     * Merges reports (e.g. one per forked test JVM), keeping the first race of each {@link Race#key()}.
     * The mode is the first report's (or {@code hb} for none); a race suppressed in one report and not in
     * another stays unsuppressed.
     */
    public static Report merge(List<Report> reports) {
        Map<String, Race> byKey = new LinkedHashMap<>();
        for (Report report : reports) {
            for (Race race : report.races()) {
                Race known = byKey.putIfAbsent(race.key(), race);
                if (known != null && known.suppressed() && !race.suppressed()) {
                    byKey.put(race.key(), race);
                }
            }
        }
        String mode = reports.isEmpty() ? "hb" : reports.get(0).mode();
        return of(mode, new ArrayList<>(byKey.values()));
    }
}
