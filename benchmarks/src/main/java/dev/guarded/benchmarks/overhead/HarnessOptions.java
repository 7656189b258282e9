package dev.guarded.benchmarks.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link OverheadHarness}. Every option is {@code --name value} or a bare flag;
 * anything else is rejected with a message naming it and listing {@link #USAGE}.
 *
 * @param runs             A/B pairs per workload
 * @param smoke            tiny sizes, one pair, a 10,000-thread scale run
 * @param agentJar         the shaded agent jar, or null with {@code plainOnly}
 * @param agentArgs        the agent's option string
 * @param plainOnly        run without the detector (no ratios)
 * @param only             row prefixes or workload names to run; empty means all
 * @param scale            whether to do the scale run
 * @param java             the java launcher for the children
 * @param classPath        the children's class path (this process's own)
 * @param timeoutSeconds   per-child time limit
 * @param detectorJvmArgs  extra JVM options for the detector children only (e.g. a JFR recording)
 * @param logDir           where each child's output is kept
 * @param sizeOverrides    workload name → sizes replacing the built-in ones ({@code --size name=a,b})
 */
record HarnessOptions(int runs, boolean smoke, Path agentJar, String agentArgs, boolean plainOnly, Set<String> only,
                      boolean scale, String java, String classPath, long timeoutSeconds,
                      List<String> detectorJvmArgs, Path logDir, Map<String, List<String>> sizeOverrides) {

    static final String USAGE = """
            usage: OverheadHarness [--runs N] [--smoke] [--agent PATH] [--agent-args ARGS] [--plain-only]
                                   [--only NAME[,NAME...]] [--no-scale] [--java PATH] [--timeout SECONDS]
                                   [--detector-jvm-arg ARG]... [--log-dir DIR] [--size NAME=N[,N...]]...
              --runs N             A/B pairs per workload (default 3)
              --smoke              tiny sizes and one pair: checks that the harness works, measures nothing
              --agent PATH         agent jar (default agent/target/guarded-agent.jar, then ../agent/target/...)
              --agent-args ARGS    agent options (default quiet)
              --plain-only         no detector runs (no ratios)
              --only NAMES         workloads to run by name: field,array,lock,vthreads,pipeline,caffeine,
                                   jackson,guava,h2, million-vthreads (the scale run)
              --no-scale           skip the 1,000,000 virtual-thread scale run
              --detector-jvm-arg   extra JVM option for detector children (repeatable)
              --size NAME=N,...    replace a workload's sizes, e.g. --size field=200000,2000 (repeatable)""";

    /**
     * @param args the command line
     * @return the parsed options
     * @throws IllegalArgumentException naming the offending argument and listing the accepted ones
     */
    static HarnessOptions parse(String[] args) {
        int runs = 3;
        boolean smoke = false;
        String agent = null;
        String agentArgs = "quiet";
        boolean plainOnly = false;
        Set<String> only = new LinkedHashSet<>();
        boolean scale = true;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long timeout = 1800;
        List<String> detectorArgs = new ArrayList<>();
        String logDir = null;
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--smoke" -> smoke = true;
                case "--plain-only" -> plainOnly = true;
                case "--no-scale" -> scale = false;
                case "--runs" -> runs = positive(arg, value(args, ++i, arg));
                case "--agent" -> agent = value(args, ++i, arg);
                case "--agent-args" -> agentArgs = value(args, ++i, arg);
                case "--only" -> only.addAll(List.of(value(args, ++i, arg).split(",")));
                case "--java" -> java = value(args, ++i, arg);
                case "--timeout" -> timeout = positive(arg, value(args, ++i, arg));
                case "--detector-jvm-arg" -> detectorArgs.add(value(args, ++i, arg));
                case "--log-dir" -> logDir = value(args, ++i, arg);
                case "--size" -> addSize(sizes, value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        if (smoke && runs == 3) {
            runs = 1;
        }
        Path agentJar = plainOnly ? null : findAgent(agent);
        Path logs = Path.of(logDir != null ? logDir : System.getProperty("java.io.tmpdir"))
                .resolve(logDir != null ? "" : "guarded-overhead-" + ProcessHandle.current().pid());
        return new HarnessOptions(runs, smoke, agentJar, agentArgs, plainOnly, only, scale, java,
                System.getProperty("java.class.path"), timeout, List.copyOf(detectorArgs), logs, Map.copyOf(sizes));
    }

    /** @param spec a workload row; @return whether the user asked for it */
    boolean wants(WorkloadSpec spec) {
        return only.isEmpty() || only.contains(spec.workload());
    }

    /** @param spec a workload row; @return the sizes to run it with */
    List<String> sizesFor(WorkloadSpec spec) {
        return sizeOverrides.getOrDefault(spec.workload(), spec.sizes(smoke));
    }

    private static void addSize(Map<String, List<String>> sizes, String text) {
        int eq = text.indexOf('=');
        String name = eq < 0 ? "" : text.substring(0, eq);
        boolean known = WorkloadSpec.SCALE.workload().equals(name)
                || WorkloadSpec.ALL.stream().anyMatch(w -> w.workload().equals(name));
        if (!known) {
            throw new IllegalArgumentException("--size takes NAME=N[,N...] with NAME one of field, array, lock, "
                    + "vthreads, pipeline, caffeine, million-vthreads; got '" + text + "'");
        }
        List<String> values = List.of(text.substring(eq + 1).split(","));
        for (String v : values) {
            positive("--size " + name, v);
        }
        sizes.put(name, values);
    }

    private static Path findAgent(String given) {
        List<Path> candidates = given != null ? List.of(Path.of(given))
                : List.of(Path.of("agent/target/guarded-agent.jar"), Path.of("../agent/target/guarded-agent.jar"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalArgumentException("agent jar not found at " + candidates
                + "; build it (mvn -pl agent -am package), pass --agent PATH, or use --plain-only");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int positive(String option, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + text + "'");
    }
}
