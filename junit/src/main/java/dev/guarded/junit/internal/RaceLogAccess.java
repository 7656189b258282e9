package dev.guarded.junit.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;

/**
 * A reflective view of the agent's {@code dev.guarded.agent.hook.RaceLog}. The class must come from the
 * bootstrap loader, where the agent puts it: a copy loaded by the application loader would be a different,
 * empty log. If it is not there the agent is not attached, and {@link #get()} attaches it first.
 */
public final class RaceLogAccess {

    static final String RACE_LOG = "dev.guarded.agent.hook.RaceLog";

    private static RaceLogAccess instance;

    private final MethodHandle count;
    private final MethodHandle describeSince;

    private RaceLogAccess(Class<?> raceLog) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        count = lookup.findStatic(raceLog, "count", MethodType.methodType(int.class));
        describeSince = lookup.findStatic(raceLog, "describeSince", MethodType.methodType(String[].class, int.class));
    }

    /**
     * Returns the race log of this JVM, attaching the agent on first use if the JVM started without it.
     *
     * @return the race log
     * @throws IllegalStateException if the agent cannot be found or attached (the message says why)
     */
    public static synchronized RaceLogAccess get() {
        if (instance == null) {
            Class<?> raceLog = bootstrapRaceLog();
            if (raceLog == null) {
                AgentAttacher.attach();
                raceLog = bootstrapRaceLog();
                if (raceLog == null) {
                    throw new IllegalStateException("guarded: the agent was attached but " + RACE_LOG
                            + " is not on the bootstrap class path; is the agent jar a Guarded agent of the same version?");
                }
            }
            try {
                instance = new RaceLogAccess(raceLog);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("guarded: " + RACE_LOG + " lacks count()/describeSince(int): " + e, e);
            }
        }
        return instance;
    }

    /** @return whether the agent's race log is visible from the bootstrap loader, i.e. the agent is attached */
    public static boolean agentAttached() {
        return bootstrapRaceLog() != null;
    }

    private static Class<?> bootstrapRaceLog() {
        try {
            return Class.forName(RACE_LOG, true, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** @return the number of unsuppressed races reported so far in this JVM */
    public int count() {
        try {
            return (int) count.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("guarded: RaceLog.count() failed", t);
        }
    }

    /**
     * @param index first race index to describe
     * @return the text of each unsuppressed race with index {@code >= index}, oldest first
     */
    public List<String> describeSince(int index) {
        try {
            return Arrays.asList((String[]) describeSince.invokeExact(index));
        } catch (Throwable t) {
            throw new IllegalStateException("guarded: RaceLog.describeSince(" + index + ") failed", t);
        }
    }
}
