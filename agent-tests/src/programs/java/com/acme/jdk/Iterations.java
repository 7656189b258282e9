package com.acme.jdk;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a program's {@code main} several times in this JVM, each time in a class loader of its own: every
 * iteration has fresh classes, statics and objects, and, because the agent instruments each loading anew, call
 * sites of its own, so a race of iteration {@code i} is reported as a race of its own (the detector reports
 * one race per location name and pair of sites). After each iteration it prints {@code iteration <i>: <first
 * line>} for every race the detector recorded during it ({@code dev.guarded.agent.hook.RaceLog}, on the
 * bootstrap class path when the agent runs), so a harness can check the verdict per iteration.
 *
 * <p>Usage: {@code Iterations <main class> <iterations>}.
 */
public final class Iterations {

    private Iterations() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Iterations <main class> <iterations>");
        }
        String mainClass = args[0];
        int iterations = Integer.parseInt(args[1]);
        List<URL> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            path.add(new File(entry).toURI().toURL());
        }
        Class<?> raceLog = Class.forName("dev.guarded.agent.hook.RaceLog", true, null);
        Method count = raceLog.getMethod("count");
        Method since = raceLog.getMethod("describeSince", int.class);
        for (int i = 0; i < iterations; i++) {
            int before = (Integer) count.invoke(null);
            try (URLClassLoader loader = new URLClassLoader(path.toArray(new URL[0]),
                    ClassLoader.getPlatformClassLoader())) {
                Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
                try {
                    main.invoke(null, (Object) new String[0]);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            for (String race : (String[]) since.invoke(null, before)) {
                System.out.println("iteration " + i + ": " + race.lines().findFirst().orElse("").strip());
            }
        }
    }
}
