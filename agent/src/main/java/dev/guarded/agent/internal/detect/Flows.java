package dev.guarded.agent.internal.detect;

import dev.guarded.report.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Async flows and stale writes (issue 12). A flow is a chain of tasks linked by continuation; each task run
 * is one {@link Segment} of it, ending where the flow gives its thread up. A flow that writes a location it
 * read in an earlier segment, after another flow wrote that location in between, writes back a stale value:
 * the lost update of asyncio's {@code tmp = value; await ...; value = tmp + 1}, reported as a
 * {@code stale-write} even when every access ran on one thread and happens-before orders them all.
 *
 * <p><b>Continuation edges.</b> A task's segment hands the flow on by releasing into a task or future object
 * (submitting or scheduling a Runnable, completing a {@code CompletableFuture}, constructing a dependent
 * stage); the release records the segment on that object's sync node. A task that begins and acquires such an
 * object (its own task object, a stage's source) before it does anything else takes that segment as the
 * candidate it continues; the last candidate wins, so a stage continues the flow that completed its source
 * rather than the one that registered it. Only the first task to continue a segment joins its flow: a task
 * that submits 10,000 tasks continues into one of them, the others start flows of their own, and so does
 * every task handed over by a plain thread (the main thread's submissions are unrelated flows).
 *
 * <p><b>Cost.</b> Nothing is tracked until the first hand-off by a task ({@link #active}); programs without
 * tasks, or whose tasks hand nothing on, pay one field test per slow-path access. Once active, the first
 * access of each task to a location (the only one that reaches the detector: later ones in the same epoch are
 * answered inline) is logged here under one monitor; a site's stack is captured at its first logged access and
 * a hand-off point as a native backtrace decoded only for a report; the log keeps a few reads per location.
 * A task's own release of itself ({@code FutureTask.set}) is no hand-off.
 */
final class Flows {

    /** Reads kept per location: enough to catch the interleaving, bounded so that a hot location stays small. */
    private static final int READS_PER_LOCATION = 8;

    /** One task run of a flow: where the flow ran until it gave the thread up. */
    static final class Segment {
        final int flow;
        /** Whether a task already continued the flow from here (guarded by the {@link Flows} monitor). */
        boolean claimed;
        /**
         * Where this segment first handed the flow on, captured once tracking is on; null until then. A
         * throwable's native backtrace: cheap to take at every hand-off, decoded only for a report.
         */
        Throwable handedOffAt;

        Segment(int flow) {
            this.flow = flow;
        }
    }

    /** A read logged in a segment, with the location's write count when it happened. */
    private record Read(Segment segment, long writesBefore, int site, ThreadInfo info, LockRef[] locks) {
    }

    /** What the detector keeps about one tracked location: its last write and the reads since. */
    private static final class Location {
        long writes;
        int writerFlow;
        int writerSite;
        ThreadInfo writerInfo;
        LockRef[] writerLocks = new LockRef[0];
        Read[] reads = new Read[2];
        int readCount;
    }

    /** The locations of one object (or one side-table state, or one array), by field id or index. */
    private static final class Locations {
        int[] keys = new int[2];
        Location[] values = new Location[2];
        int size;

        Location get(int key) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = new Location();
            return values[size++];
        }
    }

    /**
     * A stale write found: the three accesses (and where the reading flow handed itself on), for the reporter.
     *
     * @param readSite      the earlier read's site
     * @param readThread    name of the read's thread and flow
     * @param readStack     the read's stack
     * @param readLocks     locks held at the read
     * @param suspendedAt   where the reading segment handed the flow on (empty when unknown)
     * @param otherSite     the other flow's write's site
     * @param otherThread   name of that write's thread and flow
     * @param otherStack    its stack
     * @param otherLocks    locks held at it
     * @param currentThread name of this write's thread and flow
     */
    record StaleWrite(int readSite, String readThread, List<Frame> readStack, LockRef[] readLocks,
                      List<Frame> suspendedAt, int otherSite, String otherThread, List<Frame> otherStack,
                      LockRef[] otherLocks, String currentThread) {
    }

    /**
     * Whether any task handed a flow on yet; set once, never cleared. Plain (not volatile): a thread that sees
     * it late only misses accesses of the first moment, and the slow path tests it on every access.
     */
    boolean active;
    private final int stackDepth;
    private final WeakIdentityTable<Locations> locations = new WeakIdentityTable<>(null);
    private int nextFlow;
    /**
     * Per site, the stack of the first logged access there: every access a task makes while tracking is on
     * is logged, and capturing a stack each time cost several microseconds per access (the queue pipeline
     * ran five times slower). A report shows the exact site with the stack of that site's first access.
     */
    private List<Frame>[] siteStacks = newStacks(256);

    Flows(int stackDepth) {
        this.stackDepth = stackDepth;
    }

    /** @return whether a release into {@code key} by task {@code t} hands its flow on (see the class comment) */
    static boolean isHandoff(ThreadState t, Object key) {
        return t.below != null && key != t.taskKey && (key instanceof Runnable || key instanceof Future);
    }

    /**
     * A task acquired what a segment handed on, before its own flow was settled: unless another task already
     * continued that segment, it becomes the candidate this task continues. Reads {@code claimed} without the
     * monitor: a stale answer only makes {@link #segmentOf} start a new flow.
     */
    void offered(ThreadState t, Segment handedOn) {
        if (t.flowSegment == null && !handedOn.claimed) {   // a claimed segment's flow went on elsewhere
            t.flowCandidate = handedOn;
        }
    }

    /** Task {@code t} releases into a task or future object: that object now carries its segment. */
    synchronized Segment handOff(ThreadState t) {
        Segment s = segmentOf(t);
        active = true;
        if (s.handedOffAt == null) {
            locations.expunge();   // once per segment: drops the logs of collected objects
            s.handedOffAt = new Throwable();
        }
        return s;
    }

    /**
     * Logs an access of a task while tracking is on and checks a write against the reads its flow made in
     * earlier segments. {@code key} and {@code sub} name the location: an object and field id, an array and
     * index, or a side-table state and 0.
     *
     * @return the stale write to report, or null
     */
    synchronized StaleWrite access(ThreadState t, Object key, int sub, boolean isWrite, int site, LockRef[] held) {
        Segment seg = segmentOf(t);
        Location loc = locations.getOrCreate(key, k -> new Locations()).get(sub);
        if (!isWrite) {
            removeRead(loc, seg.flow);
            if (loc.readCount == loc.reads.length) {
                if (loc.reads.length < READS_PER_LOCATION) {
                    loc.reads = Arrays.copyOf(loc.reads, loc.reads.length * 2);
                } else {
                    System.arraycopy(loc.reads, 1, loc.reads, 0, loc.readCount - 1);
                    loc.readCount--;
                }
            }
            noteStack(site);
            loc.reads[loc.readCount++] = new Read(seg, loc.writes, site, t.info, held);
            return null;
        }
        Read earlier = removeRead(loc, seg.flow);
        StaleWrite stale = null;
        if (earlier != null && earlier.segment != seg && loc.writes > earlier.writesBefore
                && loc.writerFlow != seg.flow) {
            List<Frame> suspended = earlier.segment.handedOffAt == null ? List.of()
                    : StackCapture.trimLeadingJdk(StackCapture.frames(earlier.segment.handedOffAt, stackDepth + 8),
                            stackDepth);
            stale = new StaleWrite(earlier.site, name(earlier.info, earlier.segment.flow), stackOf(earlier.site),
                    earlier.locks, suspended, loc.writerSite, name(loc.writerInfo, loc.writerFlow),
                    stackOf(loc.writerSite), loc.writerLocks, name(t.info, seg.flow));
        }
        loc.writes++;
        loc.writerFlow = seg.flow;
        loc.writerSite = site;
        loc.writerInfo = t.info;
        noteStack(site);
        loc.writerLocks = held;
        return stale;
    }

    private static String name(ThreadInfo info, int flow) {
        return (info == null ? "?" : info.name()) + ", flow " + flow;
    }

    /** Captures the stack of the first access logged at {@code site}. Caller holds the monitor. */
    private void noteStack(int site) {
        if (site < 0) {
            return;
        }
        if (site >= siteStacks.length) {
            siteStacks = Arrays.copyOf(siteStacks, Math.max(site + 1, siteStacks.length * 2));
        }
        if (siteStacks[site] == null) {
            siteStacks[site] = StackCapture.capture(stackDepth);
        }
    }

    private List<Frame> stackOf(int site) {
        List<Frame> stack = site >= 0 && site < siteStacks.length ? siteStacks[site] : null;
        return stack == null ? List.of() : stack;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
    private static List<Frame>[] newStacks(int n) {
        return new List[n];
    }

    private static Read removeRead(Location loc, int flow) {
        for (int i = loc.readCount - 1; i >= 0; i--) {
            Read r = loc.reads[i];
            if (r.segment.flow == flow) {
                System.arraycopy(loc.reads, i + 1, loc.reads, i, loc.readCount - i - 1);
                loc.reads[--loc.readCount] = null;
                return r;
            }
        }
        return null;
    }

    /**
     * The segment task {@code t} runs, settled at its first need: it continues its candidate's flow when no
     * other task continued that segment yet, else it starts a new flow. Caller holds the monitor.
     */
    private Segment segmentOf(ThreadState t) {
        Segment s = t.flowSegment;
        if (s != null) {
            return s;
        }
        Segment from = t.flowCandidate;
        if (from != null && !from.claimed) {
            from.claimed = true;
            s = new Segment(from.flow);
        } else {
            s = new Segment(++nextFlow);
        }
        t.flowCandidate = null;
        t.flowSegment = s;
        return s;
    }
}
