package dev.guarded.report.reader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.Race;
import dev.guarded.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads the agent's JSON report ({@link dev.guarded.report.JsonReportWriter}'s format) back into a {@link Report},
 * with Jackson: the one reader of that format, used by the Maven plugin and by every test that checks a report.
 *
 * <p>Strict where a wrong value would change a verdict: malformed JSON, duplicate keys, missing or mistyped
 * required keys, and a {@code summary} count that disagrees with the races listed are errors naming the path of
 * the bad value. Unknown keys are ignored, so a report of a newer agent stays readable. Required: {@code races};
 * per race {@code kind}, {@code field}, {@code accesses}; per access {@code op}, {@code thread}, {@code frames};
 * per frame {@code class}, {@code method}. The summary is optional (it is derived from the races), as are
 * {@code tool}, {@code version} and {@code mode}. Stateless and thread-safe.
 */
public final class JsonReportReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The summary keys the writer derives from the races, with how to derive each. */
    private static final Map<String, ToIntFunction<Report>> SUMMARY = Map.of(
            "races", Report::raceCount,
            "fields", Report::fieldCount,
            "suppressed", Report::suppressedCount,
            "dataRaces", r -> r.countOf(Race.DATA_RACE),
            "unguarded", r -> r.countOf(Race.UNGUARDED),
            "staleWrites", r -> r.countOf(Race.STALE_WRITE));

    private JsonReportReader() {
    }

    /**
     * Reads a report file.
     *
     * @param file the JSON report
     * @return the report
     * @throws IOException when the file cannot be read or is not a valid report; the message names the file
     */
    public static Report read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses report JSON.
     *
     * @param json the text
     * @return the report
     * @throws IllegalArgumentException naming the position of a syntax error, or the path of the missing,
     *                                  mistyped or inconsistent value
     */
    public static Report parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the report must be a JSON object");
        }
        List<Race> races = new ArrayList<>();
        JsonNode raceList = array(root, "races", "the report");
        for (int i = 0; i < raceList.size(); i++) {
            races.add(race(object(raceList.get(i), "races[" + i + "]"), "races[" + i + "]"));
        }
        Report report = new Report(optionalString(root, "tool", "the report"),
                optionalString(root, "version", "the report"), optionalString(root, "mode", "the report"), races);
        checkSummary(root.get("summary"), report);
        return report;
    }

    private static Race race(JsonNode race, String where) {
        List<Access> accesses = new ArrayList<>();
        JsonNode accessList = array(race, "accesses", where);
        for (int k = 0; k < accessList.size(); k++) {
            String at = where + ".accesses[" + k + "]";
            accesses.add(access(object(accessList.get(k), at), at));
        }
        JsonNode suppressed = race.get("suppressed");
        if (suppressed != null && !suppressed.isBoolean()) {
            throw new IllegalArgumentException(where + ".suppressed must be true or false");
        }
        return new Race(string(race, "kind", where), string(race, "field", where),
                suppressed != null && suppressed.booleanValue(), accesses, optionalString(race, "object", where));
    }

    private static Access access(JsonNode access, String where) {
        List<String> locks = new ArrayList<>();
        if (access.has("locks")) {
            for (JsonNode lock : array(access, "locks", where)) {
                if (!lock.isTextual()) {
                    throw new IllegalArgumentException(where + ".locks must hold strings");
                }
                locks.add(lock.textValue());
            }
        }
        List<Frame> started = access.has("started") ? frames(access, "started", where) : List.of();
        return new Access(string(access, "op", where), string(access, "thread", where), locks,
                frames(access, "frames", where), started, optionalString(access, "method", where));
    }

    private static List<Frame> frames(JsonNode parent, String key, String where) {
        List<Frame> frames = new ArrayList<>();
        JsonNode list = array(parent, key, where);
        for (int i = 0; i < list.size(); i++) {
            String at = where + "." + key + "[" + i + "]";
            JsonNode frame = object(list.get(i), at);
            JsonNode file = frame.get("file");
            if (file != null && !file.isNull() && !file.isTextual()) {
                throw new IllegalArgumentException(at + ".file must be a string or null");
            }
            JsonNode line = frame.get("line");
            if (line != null && !(line.isIntegralNumber() && line.canConvertToInt())) {
                throw new IllegalArgumentException(at + ".line must be an integer");
            }
            frames.add(new Frame(string(frame, "class", at), string(frame, "method", at),
                    file == null || file.isNull() ? null : file.textValue(), line == null ? -1 : line.intValue()));
        }
        return frames;
    }

    /** A summary is optional, but one that disagrees with the races it sums up is a broken report. */
    private static void checkSummary(JsonNode summary, Report report) {
        if (summary == null) {
            return;
        }
        object(summary, "summary");
        for (Map.Entry<String, ToIntFunction<Report>> count : SUMMARY.entrySet()) {
            JsonNode value = summary.get(count.getKey());
            if (value == null) {
                continue;
            }
            if (!(value.isIntegralNumber() && value.canConvertToInt())) {
                throw new IllegalArgumentException("summary." + count.getKey() + " must be an integer");
            }
            int derived = count.getValue().applyAsInt(report);
            if (value.intValue() != derived) {
                throw new IllegalArgumentException("summary." + count.getKey() + " is " + value.intValue()
                        + " but the races listed make it " + derived);
            }
        }
    }

    private static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(where + " needs an array \"" + key + "\"");
        }
        return node;
    }

    private static String string(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + " needs a string \"" + key + "\"");
        }
        return node.textValue();
    }

    /** @return the string at {@code key}; when absent, the writer's default for a header key, else null */
    private static String optionalString(JsonNode parent, String key, String where) {
        return parent.has(key) ? string(parent, key, where) : defaultOf(key);
    }

    private static String defaultOf(String key) {
        return switch (key) {
            case "tool" -> Report.TOOL;
            case "version" -> Report.VERSION;
            case "mode" -> "hb";
            default -> null;
        };
    }
}
