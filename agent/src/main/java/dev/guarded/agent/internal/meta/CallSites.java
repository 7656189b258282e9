package dev.guarded.agent.internal.meta;

import java.util.Arrays;

/**
 * The method each call site on a JDK object calls ({@code put}, {@code add}...), for reports such as
 * {@code data race on java.util.HashMap@1b6d3586 (put vs get)}. A call site is an ordinary {@link SiteInfo}
 * registered in {@link Metadata}; this registry only remembers the callee's name by site id. Written at
 * transformation time, read lock-free by the reporter.
 */
public final class CallSites {

    private static volatile String[] callees = new String[256];

    private CallSites() {
    }

    /**
     * Registers a new site in {@code metadata} for a call of {@code callee}.
     *
     * @return the site id instrumented code passes to {@code Hooks.callRead/callWrite}
     */
    public static int register(Metadata metadata, String className, String method, String file, int line,
            String callee) {
        int id = metadata.site(className, method, file, line);
        synchronized (CallSites.class) {
            String[] current = callees;
            if (id >= current.length) {
                current = Arrays.copyOf(current, Math.max(id + 1, current.length * 2));
            }
            current[id] = callee;
            callees = current;
        }
        return id;
    }

    /** @return the method called at {@code siteId}, or null when the site is not a call site */
    public static String callee(int siteId) {
        String[] current = callees;
        return siteId >= 0 && siteId < current.length ? current[siteId] : null;
    }
}
