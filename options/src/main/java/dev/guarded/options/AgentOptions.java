package dev.guarded.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The agent's options, parsed from the {@code -javaagent:guarded-agent.jar=k=v,k=v} argument. Immutable.
 *
 * <p>Keys: {@code include}, {@code exclude} (class globs separated by {@code ;} or {@code |}),
 * {@code report=<file>} (JSON), {@code sarif=<file>}, {@code quiet}, {@code mode=hb|lockset|hybrid},
 * {@code exitcode=<0..255>}, {@code halt}, {@code stacks=<1..1024>} (default 16), {@code suppress=<file>},
 * {@code verbose}, {@code words} (default on), {@code eliminate} (default on). Flags accept {@code =true}/{@code =false}. {@code ${pid}} in a
 * file value becomes the process id. The {@code report} and {@code sarif} files are checked at parse time: a
 * path that cannot be written is a bad option, so the JVM stops at start instead of losing the report at exit.
 *
 * <p>Immutable, except for the record of which {@code include} patterns matched a class
 * ({@link #unmatchedIncludes()}); thread-safe.
 */
public final class AgentOptions {

    /** The accepted keys, in the order error messages list them. */
    public static final List<String> KEYS = List.of("include", "exclude", "report", "sarif", "quiet", "mode",
            "exitcode", "halt", "stacks", "suppress", "verbose", "words", "eliminate");

    /** Default stack depth of reports. */
    public static final int DEFAULT_STACKS = 16;

    private final List<ClassPattern> include;
    private final List<ClassPattern> exclude;
    private final Path report;
    private final Path sarif;
    private final boolean quiet;
    private final DetectionMode mode;
    private final int exitCode;
    private final boolean halt;
    private final int stacks;
    private final Path suppressFile;
    private final Suppressions suppressions;
    private final boolean verbose;
    private final boolean words;
    private final boolean eliminate;
    /** 1 at index i once include pattern i matched a class name; read at exit, so atomic for visibility. */
    private final AtomicIntegerArray includeMatched;

    private AgentOptions(Builder b) {
        this.words = b.words;
        this.eliminate = b.eliminate;
        this.include = b.include;
        this.exclude = b.exclude;
        this.report = b.report;
        this.sarif = b.sarif;
        this.quiet = b.quiet;
        this.mode = b.mode;
        this.exitCode = b.exitCode;
        this.halt = b.halt;
        this.stacks = b.stacks;
        this.suppressFile = b.suppressFile;
        this.suppressions = b.suppressions;
        this.verbose = b.verbose;
        this.includeMatched = new AtomicIntegerArray(b.include.size());
    }

    /** @return the options with every default */
    public static AgentOptions defaults() {
        return new AgentOptions(new Builder());
    }

    /**
     * Parses the agent argument. Null or blank gives the defaults.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad key or value and what is accepted
     */
    public static AgentOptions parse(String args) {
        Builder b = new Builder();
        if (args == null || args.isBlank()) {
            return new AgentOptions(b);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String item : args.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = (eq < 0 ? entry : entry.substring(0, eq)).trim();
            String value = eq < 0 ? null : entry.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' — accepted: " + String.join(", ", KEYS));
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("option '" + key + "' is given twice");
            }
            b.set(key, value);
        }
        return new AgentOptions(b);
    }

    /**
     * Whether the instrumenter should transform a class. JDK classes, the agent (and its shaded ASM)
     * and build/test tooling ({@link DefaultExclusions}) never are; then the class must match {@code include}
     * (when given) and must not match {@code exclude}.
     *
     * @param binaryClassName dotted binary name, e.g. {@code com.acme.Counter$Inner}
     */
    public boolean instruments(String binaryClassName) {
        if (binaryClassName == null || DefaultExclusions.excluded(binaryClassName)) {
            return false;
        }
        if (!include.isEmpty() && !included(binaryClassName)) {
            return false;
        }
        return !ClassPattern.anyMatches(exclude, binaryClassName);
    }

    /**
     * Whether an include pattern matches, noting every pattern that does. Runs once per loaded class (not per
     * access): once the answer is known, only patterns not yet seen matching are still tried.
     */
    private boolean included(String binaryClassName) {
        boolean included = false;
        for (int i = 0; i < include.size(); i++) {
            if (included && includeMatched.get(i) != 0) {
                continue;
            }
            if (include.get(i).matches(binaryClassName)) {
                included = true;
                if (includeMatched.get(i) == 0) {
                    includeMatched.set(i, 1);
                }
            }
        }
        return included;
    }

    /**
     * The {@code include} patterns that matched no class name passed to {@link #instruments} so far (JDK,
     * agent and tooling classes are never passed to the patterns). At exit this names the patterns that are
     * probably misspelt.
     *
     * @return the patterns as written, in option order; empty without {@code include}
     */
    public List<String> unmatchedIncludes() {
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < include.size(); i++) {
            if (includeMatched.get(i) == 0) {
                unmatched.add(include.get(i).toString());
            }
        }
        return unmatched;
    }

    /** @return the JSON report file, or null */
    public Path report() {
        return report;
    }

    /** @return the SARIF report file, or null */
    public Path sarif() {
        return sarif;
    }

    /** @return whether the stderr text report is silenced */
    public boolean quiet() {
        return quiet;
    }

    /** @return what is reported */
    public DetectionMode mode() {
        return mode;
    }

    /** @return the exit status to force when unsuppressed races were found, or -1 to keep the program's own */
    public int exitCode() {
        return exitCode;
    }

    /** @return whether to halt the JVM after the first unsuppressed race */
    public boolean halt() {
        return halt;
    }

    /** @return the maximum number of frames captured per stack */
    public int stacks() {
        return stacks;
    }

    /** @return the suppression file, or null */
    public Path suppressFile() {
        return suppressFile;
    }

    /** @return the parsed suppressions ({@link Suppressions#NONE} without a file) */
    public Suppressions suppressions() {
        return suppressions;
    }

    /** @return whether the agent prints diagnostics (instrumented classes, internal warnings) */
    public boolean verbose() {
        return verbose;
    }

    /**
     * @return whether classes loaded after start-up keep FastTrack's state of their plain instance fields in
     *     shadow words inside each object (the fast path; used in {@code hb} mode when the agent starts before
     *     the application), rather than in the detector's side tables
     */
    public boolean words() {
        return words;
    }

    /**
     * @return whether the instrumenter leaves out the check of an access that cannot change a verdict (a
     *     repeated access to the same location with no synchronization, call or branch target in between);
     *     {@code eliminate=false} checks every access, for comparing reports both ways
     */
    public boolean eliminate() {
        return eliminate;
    }

    @Override
    public String toString() {
        return "AgentOptions[include=" + include + ", exclude=" + exclude + ", report=" + report + ", sarif=" + sarif
                + ", quiet=" + quiet + ", mode=" + mode.optionName() + ", exitcode=" + exitCode + ", halt=" + halt
                + ", stacks=" + stacks + ", suppress=" + suppressFile + ", verbose=" + verbose + ", words=" + words + ", eliminate=" + eliminate + "]";
    }

    /** Mutable parse state; every value check lives here. */
    private static final class Builder {
        List<ClassPattern> include = List.of();
        List<ClassPattern> exclude = List.of();
        Path report;
        Path sarif;
        boolean quiet;
        DetectionMode mode = DetectionMode.HB;
        int exitCode = -1;
        boolean halt;
        int stacks = DEFAULT_STACKS;
        Path suppressFile;
        Suppressions suppressions = Suppressions.NONE;
        boolean verbose;
        boolean words = true;
        boolean eliminate = true;

        void set(String key, String value) {
            switch (key) {
                case "quiet" -> quiet = flag(key, value);
                case "halt" -> halt = flag(key, value);
                case "verbose" -> verbose = flag(key, value);
                case "words" -> words = flag(key, value);
                case "eliminate" -> eliminate = flag(key, value);
                case "include" -> include = patterns(key, value);
                case "exclude" -> exclude = patterns(key, value);
                case "report" -> report = writableFile(key, value);
                case "sarif" -> sarif = writableFile(key, value);
                case "mode" -> mode = DetectionMode.parse(required(key, value, "hb, lockset, hybrid"));
                case "exitcode" -> exitCode = number(key, value, 0, 255);
                case "stacks" -> stacks = number(key, value, 1, 1024);
                case "suppress" -> {
                    suppressFile = file(key, value);
                    suppressions = Suppressions.read(suppressFile);
                }
                default -> throw new IllegalArgumentException("unknown option '" + key + "' — accepted: "
                        + String.join(", ", KEYS));
            }
        }

        private static boolean flag(String key, String value) {
            if (value == null || value.equals("true")) {
                return true;
            }
            if (value.equals("false")) {
                return false;
            }
            throw new IllegalArgumentException(key + "=" + value + " is not a flag value; accepted: '" + key + "', '"
                    + key + "=true', '" + key + "=false'");
        }

        private static String required(String key, String value, String accepted) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("option '" + key + "' needs a value: " + accepted);
            }
            return value;
        }

        private static List<ClassPattern> patterns(String key, String value) {
            String v = required(key, value, "class patterns separated by ';' or '|', e.g. com.acme.**;org.x.*");
            try {
                return ClassPattern.compileList(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + "=" + value + ": " + e.getMessage());
            }
        }

        private static Path file(String key, String value) {
            String v = required(key, value, "a file path (${pid} is replaced by the process id)");
            String resolved = v.replace("${pid}", Long.toString(ProcessHandle.current().pid()));
            try {
                return Path.of(resolved);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + "=" + value + " is not a valid file path: " + e.getMessage());
            }
        }

        /**
         * A report path, checked now so that a typo costs a clear message at start rather than the report at
         * exit. Nothing is created: the file must be a writable file if it exists, and else its nearest existing
         * ancestor must be a writable directory (the writer creates the missing directories).
         */
        private static Path writableFile(String key, String value) {
            Path file = file(key, value);
            Path absolute = file.toAbsolutePath();
            if (Files.isDirectory(absolute)) {
                throw new IllegalArgumentException(key + "=" + value + " cannot be written: " + absolute + " is a directory");
            }
            if (Files.exists(absolute)) {
                if (!Files.isWritable(absolute)) {
                    throw new IllegalArgumentException(key + "=" + value + " cannot be written: " + absolute + " is read-only");
                }
                return file;
            }
            Path ancestor = absolute.getParent();
            while (ancestor != null && !Files.exists(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor == null || !Files.isDirectory(ancestor)) {
                throw new IllegalArgumentException(key + "=" + value + " cannot be written: "
                        + (ancestor == null ? "no existing parent directory" : ancestor + " is not a directory"));
            }
            if (!Files.isWritable(ancestor)) {
                throw new IllegalArgumentException(key + "=" + value + " cannot be written: the directory " + ancestor
                        + " is not writable");
            }
            return file;
        }

        private static int number(String key, String value, int min, int max) {
            String v = required(key, value, "an integer from " + min + " to " + max);
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the one message below
            }
            throw new IllegalArgumentException(key + "=" + value + " is not an integer from " + min + " to " + max);
        }
    }
}
