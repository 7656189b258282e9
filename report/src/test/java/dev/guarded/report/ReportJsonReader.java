package dev.guarded.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: reads the JSON of {@link JsonReportWriter} back into a {@link Report} with Jackson, as the Maven
 * plugin does (this module has no dependencies of its own, so the reader lives in its tests). Strict:
 * malformed JSON, duplicate keys, and missing or mistyped required keys are errors naming the bad value's
 * path; unknown keys are ignored. Thread-safe.
 */
final class ReportJsonReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ReportJsonReader() {
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
     * @throws IllegalArgumentException naming the position of a syntax error or the missing/mistyped key
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
            String where = "races[" + i + "]";
            JsonNode race = object(raceList.get(i), where);
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
            races.add(new Race(string(race, "kind", where), string(race, "field", where),
                    suppressed != null && suppressed.booleanValue(), accesses, optionalString(race, "object", null)));
        }
        return new Report(optionalString(root, "tool", Report.TOOL), optionalString(root, "version", Report.VERSION),
                optionalString(root, "mode", "hb"), races);
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
                frames(access, "frames", where), started, optionalString(access, "method", null));
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

    private static String optionalString(JsonNode parent, String key, String fallback) {
        return parent.has(key) ? string(parent, key, "the report") : fallback;
    }
}
