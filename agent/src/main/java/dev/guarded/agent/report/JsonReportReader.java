package dev.guarded.agent.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON written by {@link JsonReportWriter} back into a {@link Report}, strictly: malformed JSON and
 * missing or mistyped required keys are errors; unknown keys are ignored so that newer writers stay readable.
 * Required: {@code races}, and per race {@code kind}, {@code field}, {@code accesses}; per access {@code op},
 * {@code thread}, {@code frames}; per frame {@code class}, {@code method}. Stateless and thread-safe.
 */
public final class JsonReportReader {

    private JsonReportReader() {
    }

    /**
     * Reads a report file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid report; the message names the file and the problem
     */
    public static Report read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses report JSON.
     *
     * @throws IllegalArgumentException naming the position or the missing/mistyped key
     */
    public static Report parse(String json) {
        Map<String, Object> root = object(JsonParser.parse(json), "the report");
        String tool = optString(root, "tool", Report.TOOL);
        String version = optString(root, "version", Report.VERSION);
        String mode = optString(root, "mode", "hb");
        List<Race> races = new ArrayList<>();
        List<Object> raceList = list(root, "races", "the report");
        for (int i = 0; i < raceList.size(); i++) {
            String where = "races[" + i + "]";
            Map<String, Object> r = object(raceList.get(i), where);
            List<Access> accesses = new ArrayList<>();
            List<Object> accessList = list(r, "accesses", where);
            for (int k = 0; k < accessList.size(); k++) {
                accesses.add(access(object(accessList.get(k), where + ".accesses[" + k + "]"),
                        where + ".accesses[" + k + "]"));
            }
            Object suppressed = r.getOrDefault("suppressed", Boolean.FALSE);
            if (!(suppressed instanceof Boolean)) {
                throw new IllegalArgumentException(where + ".suppressed must be true or false");
            }
            String object = r.containsKey("object") ? string(r, "object", where) : null;
            races.add(new Race(string(r, "kind", where), string(r, "field", where), (Boolean) suppressed, accesses,
                    object));
        }
        return new Report(tool, version, mode, races);
    }

    private static Access access(Map<String, Object> a, String where) {
        List<String> locks = new ArrayList<>();
        if (a.containsKey("locks")) {
            for (Object lock : list(a, "locks", where)) {
                if (!(lock instanceof String s)) {
                    throw new IllegalArgumentException(where + ".locks must hold strings");
                }
                locks.add(s);
            }
        }
        List<Frame> started = a.containsKey("started") ? frames(a, "started", where) : List.of();
        String method = a.containsKey("method") ? string(a, "method", where) : null;
        return new Access(string(a, "op", where), string(a, "thread", where), locks, frames(a, "frames", where), started,
                method);
    }

    private static List<Frame> frames(Map<String, Object> a, String key, String where) {
        List<Frame> frames = new ArrayList<>();
        List<Object> list = list(a, key, where);
        for (int i = 0; i < list.size(); i++) {
            String w = where + "." + key + "[" + i + "]";
            Map<String, Object> f = object(list.get(i), w);
            Object file = f.get("file");
            if (file != null && !(file instanceof String)) {
                throw new IllegalArgumentException(w + ".file must be a string or null");
            }
            Object line = f.getOrDefault("line", -1L);
            if (!(line instanceof Long n)) {
                throw new IllegalArgumentException(w + ".line must be an integer");
            }
            frames.add(new Frame(string(f, "class", w), string(f, "method", w), (String) file, (int) (long) n));
        }
        return frames;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> map, String key, String where) {
        Object v = map.get(key);
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(where + " needs an array \"" + key + "\"");
        }
        return (List<Object>) v;
    }

    private static String string(Map<String, Object> map, String key, String where) {
        Object v = map.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(where + " needs a string \"" + key + "\"");
        }
        return s;
    }

    private static String optString(Map<String, Object> map, String key, String fallback) {
        return map.containsKey(key) ? string(map, key, "the report") : fallback;
    }
}
