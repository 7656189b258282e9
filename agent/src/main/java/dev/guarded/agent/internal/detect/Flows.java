package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.ThreadContext;
import dev.guarded.report.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * rather than the one that registered it. Only the first task to continue a segment joins its flow (a
 * claim on the segment): a task that submits 10,000 tasks continues into one of them, the others
 * start flows of their own, and so does every task handed over by a plain thread (the main thread's
 * submissions are unrelated flows). A task's own release of itself ({@code FutureTask.set}) is no hand-off.
 *
 * <p><b>Cost.</b> Nothing is tracked until the first hand-off by a task ({@link #active}); programs without
 * tasks, or whose tasks hand nothing on, pay one field test per slow-path access. Once active, the first
 * access of each task to a location (the only one that reaches the detector: later ones in the same epoch are
 * answered inline) is logged in that location's {@link Location}, under the location's own monitor and with
 * no allocation in the common case:
 * <ul>
 *   <li>No table lookup: the location's log hangs off the shadow state the access already has: the
 *       {@link VarState} of a side-table location, a short list by field id in the object's side record for a
 *       field with shadow words ({@link WordShadow#sideRecord}), and a page of logs beside the array's shadow pages
 *       ({@link ArrayWords#flowLocations()}). It lives and dies with the object; no weak table, no expunging.</li>
 *   <li>No global monitor: each location's log is its own monitor; two flows meet only where they touch the same
 *       location. A new flow's number comes from an atomic counter, a segment's claim takes that segment's monitor once.</li>
 *   <li>No allocation per logged read: a location keeps its reads in a ring of primitive and reference arrays,
 *       allocated at its first read (two slots, doubling to {@link #READS_PER_LOCATION}), overwritten after.</li>
 *   <li>A site's stack is captured at its first logged access only, and a hand-off point (a throwable's native
 *       backtrace, decoded only for a report) only when the segment handing its flow on holds a live logged read,
 *       one not yet consumed by the flow's own write in the same segment (see {@link Segment#liveReads}).
 *       A report needs a hand-off point only for such a read (a consumed read is gone from the log; one
 *       consumed later by a write in the same segment cannot make that write stale), so skipping the capture
 *       otherwise changes no verdict. A read logged after the segment's last hand-off, in a segment whose
 *       earlier hand-offs held no live read, reports no suspension point.</li>
 * </ul>
 * Skips weighed and not taken, because each would change a verdict: not logging the reads of a task until it
 * hands its flow on (whether it will is unknown at the read, and a write by another thread ordered after the
 * read but before the deferred log would go unseen); not logging a location until a second flow touches it
 * (that flow's write may come after the first flow's read, which must then be in the log); not logging a
 * read of a location the segment itself wrote (the flow's write-back after another flow's write is still
 * stale). What needs no log already has none: a read followed by its flow's own write in the same segment is
 * removed at that write, and accesses a task repeats within an epoch never reach the detector.
 *
 * <p><b>Inline checks must not decide a verdict.</b> A read back of a location the epoch already wrote reaches
 * the log when the read word holds another epoch (the write left it, or cleared the read set of several
 * readers), but the write that follows, in the same epoch, would be answered inline and never remove it: the
 * flow's next blind write, after another flow's, would then be taken for a write-back. So logging such a read
 * turns the task's inline checks off until that write arrives or the epoch ends ({@link ThreadState#awaitWrite}).
 */
final class Flows {

    /** Reads kept per location: enough to catch the interleaving, bounded so that a hot location stays small. */
    private static final int READS_PER_LOCATION = 8;
    /** Reference slots per logged read in {@link Location#readRefs}: segment, thread, locks. */
    private static final int REFS = 3;
    /** Long slots per logged read in {@link Location#readNums}: the write count before it, its site. */
    private static final int NUMS = 2;

    /** One task run of a flow: where the flow ran until it gave the thread up. */
    static final class Segment {
        final int flow;
        /** Whether a task already continued the flow from here; set once, by {@link #claim}. */
        volatile boolean claimed;
        /**
         * Where this segment handed the flow on, captured at its first hand-off that held a live read; null
         * until then. A throwable's native backtrace: cheap to take, decoded only for a report. Volatile: a
         * report on another thread reads it.
         */
        volatile Throwable handedOffAt;
        /**
         * Reads this segment logged and has not consumed by its own later write (or re-read, or evicted on its
         * own thread); read and written only by the thread running the segment, never lower than the truth.
         */
        int liveReads;
        /**
         * Whether the task that ran this segment has ended: the flow gave its thread up after it. A read only
         * counts against a later write of its flow once its segment ended; while it still runs (a fork/join task
         * that forked its continuation and goes on), the two segments are concurrent, and a lost update between
         * them is a data race, reported as one, not the write-back of a value read before a suspension.
         */
        volatile boolean ended;

        Segment(int flow) {
            this.flow = flow;
        }

        /**
         * @return whether this call is the one that claimed the segment for its continuation. The segment's own
         *     monitor, uncontended but for a race of two continuations, taken once per task; no VarHandle, whose
         *     machinery the detector would rather not set off from inside a hook.
         */
        boolean claim() {
            if (claimed) {
                return false;
            }
            synchronized (this) {
                if (claimed) {
                    return false;
                }
                claimed = true;
                return true;
            }
        }
    }

    /**
     * What the detector keeps about one tracked location: its last write and the reads since, one per flow, the
     * oldest first. Every mutable field is touched only under this object's monitor and starts at its default
     * value, the others are final, so a reference to a location may be published without further ordering.
     */
    static final class Location {
        /** For a field's log in an object's side record: the field id, and the next field's log; else 0 and null. */
        final int fieldId;
        final Location next;
        private long writes;
        /** The epoch of the last write the log saw (its thread and clock). */
        private long writerEpoch;
        private int writerFlow;
        private int writerSite;
        private ThreadInfo writerInfo;
        private LockRef[] writerLocks;
        /** Per logged read, {@link #REFS} references: its segment, its thread, its locks. */
        private Object[] readRefs;
        /** Per logged read, {@link #NUMS} longs: the location's write count before it, its site. */
        private long[] readNums;
        private int readCount;

        Location() {
            this(0, null);
        }

        Location(int fieldId, Location next) {
            this.fieldId = fieldId;
            this.next = next;
        }

        /** The index of the read logged by {@code flow}, or -1. Caller holds the monitor. */
        private int readOf(int flow) {
            for (int i = readCount - 1; i >= 0; i--) {
                if (((Segment) readRefs[i * REFS]).flow == flow) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Forgets read {@code i}, keeping the others in order; a read of {@code current} is no longer live in it.
         * Caller holds the monitor and runs {@code current}.
         */
        private void remove(int i, Segment current) {
            if (readRefs[i * REFS] == current) {
                current.liveReads--;
            }
            int after = readCount - i - 1;
            System.arraycopy(readRefs, (i + 1) * REFS, readRefs, i * REFS, after * REFS);
            System.arraycopy(readNums, (i + 1) * NUMS, readNums, i * NUMS, after * NUMS);
            readCount--;
            Arrays.fill(readRefs, readCount * REFS, readCount * REFS + REFS, null);
        }

        /** Logs a read of segment {@code seg}, replacing its flow's earlier one. Caller holds the monitor. */
        private void logRead(Segment seg, int site, ThreadInfo info, LockRef[] held) {
            int earlier = readOf(seg.flow);
            if (earlier >= 0) {
                remove(earlier, seg);
            }
            if (readRefs == null) {
                readRefs = new Object[2 * REFS];
                readNums = new long[2 * NUMS];
            } else if (readCount * REFS == readRefs.length) {
                if (readCount < READS_PER_LOCATION) {
                    readRefs = Arrays.copyOf(readRefs, readRefs.length * 2);
                    readNums = Arrays.copyOf(readNums, readNums.length * 2);
                } else {
                    remove(0, seg);   // full: the oldest read goes
                }
            }
            int r = readCount++;
            readRefs[r * REFS] = seg;
            readRefs[r * REFS + 1] = info;
            readRefs[r * REFS + 2] = held;
            readNums[r * NUMS] = writes;
            readNums[r * NUMS + 1] = site;
            seg.liveReads++;
        }
    }

    /**
     * The logs of one array's elements, in pages of {@code 2^PAGE_BITS} as its shadow words are. Pages and
     * logs are created under this monitor and read without it: a stale null only leads there.
     */
    static final class ElementLocations {
        private final Location[][] pages;

        ElementLocations(int length) {
            pages = new Location[(length + (1 << ThreadContext.PAGE_BITS) - 1) >>> ThreadContext.PAGE_BITS][];
        }

        Location of(int index) {
            Location[] page = pages[index >>> ThreadContext.PAGE_BITS];
            Location loc = page == null ? null : page[index & ((1 << ThreadContext.PAGE_BITS) - 1)];
            return loc != null ? loc : create(index);
        }

        private synchronized Location create(int index) {
            int p = index >>> ThreadContext.PAGE_BITS;
            if (pages[p] == null) {
                pages[p] = new Location[1 << ThreadContext.PAGE_BITS];
            }
            int slot = index & ((1 << ThreadContext.PAGE_BITS) - 1);
            if (pages[p][slot] == null) {
                pages[p][slot] = new Location();
            }
            return pages[p][slot];
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
    private final AtomicInteger nextFlow = new AtomicInteger();
    /**
     * Per site, the stack of the first logged access there (capturing one per logged access cost several
     * microseconds each: the queue pipeline ran five times slower). Written under {@code this}; the hot path
     * only tests an element for null without the monitor, and a stale null only leads to the monitor.
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
     * continued that segment, it becomes the candidate this task continues. A stale {@code claimed} only makes
     * {@link #segmentOf} start a new flow.
     */
    void offered(ThreadState t, Segment handedOn) {
        if (t.flowSegment == null && !handedOn.claimed) {   // a claimed segment's flow went on elsewhere
            t.flowCandidate = handedOn;
        }
    }

    /**
     * Task {@code t} releases into a task or future object: that object now carries its segment. The hand-off
     * point is captured only when a live read of the segment could need it (see the class comment).
     */
    Segment handOff(ThreadState t) {
        Segment s = segmentOf(t);
        active = true;
        if (s.liveReads > 0 && s.handedOffAt == null) {
            s.handedOffAt = new Throwable();
        }
        return s;
    }

    /** @return the log of a location kept in side tables (a static field, a field without words, a JDK model state) */
    static Location location(VarState v) {
        Location loc = v.flowLocation;
        return loc != null ? loc : create(v);
    }

    private static Location create(VarState v) {
        synchronized (v) {   // the state's own monitor, held for a few field updates: creation happens once
            Location loc = v.flowLocation;
            if (loc == null) {
                loc = new Location();
                v.flowLocation = loc;
            }
            return loc;
        }
    }

    /**
     * @return the log of field {@code fieldId} of {@code owner}, whose words are at {@code layout}: in the list
     *     of the object's side record, scanned without a lock (an object's tracked fields are few)
     */
    static Location fieldLocation(Object owner, WordShadow.Layout layout, int fieldId) {
        ShadowMemory.FieldShadow side = WordShadow.sideRecord(owner, layout);
        for (Location loc = side.flowLocations; loc != null; loc = loc.next) {
            if (loc.fieldId == fieldId) {
                return loc;
            }
        }
        synchronized (side) {   // the record's own monitor, held briefly when a field state is added: once per field
            for (Location loc = side.flowLocations; loc != null; loc = loc.next) {
                if (loc.fieldId == fieldId) {
                    return loc;
                }
            }
            Location loc = new Location(fieldId, side.flowLocations);
            side.flowLocations = loc;
            return loc;
        }
    }

    /** @return the log of element {@code index} of {@code array}, whose shadow is {@code aw} */
    static Location elementLocation(ArrayWords aw, Object array, int index) {
        ElementLocations all = aw.flowLocations();
        if (all == null) {
            synchronized (aw) {   // the shadow's own monitor, as for its pages: once per array
                all = aw.flowLocations();
                if (all == null) {
                    all = new ElementLocations(java.lang.reflect.Array.getLength(array));
                    aw.flowLocations(all);
                }
            }
        }
        return all.of(index);
    }

    /**
     * Logs an access of a task while tracking is on and checks a write against the reads its flow made in
     * earlier segments.
     *
     * @return the stale write to report, or null
     */
    StaleWrite access(ThreadState t, Location loc, boolean isWrite, int site, LockRef[] held) {
        Segment seg = segmentOf(t);
        noteStack(site);
        Segment readSeg;
        int readSite;
        ThreadInfo readInfo;
        LockRef[] readLocks;
        int otherSite;
        int otherFlow;
        ThreadInfo otherInfo;
        LockRef[] otherLocks;
        synchronized (loc) {
            if (!isWrite) {
                loc.logRead(seg, site, t.info, held);
                if (loc.writerEpoch == t.epoch && loc.writes > 0) {
                    t.awaitWrite(loc);
                }
                return null;
            }
            if (t.awaitedWrite == loc) {
                t.writeArrived();
            }
            int i = loc.readOf(seg.flow);
            readSeg = null;
            readSite = 0;
            readInfo = null;
            readLocks = null;
            if (i >= 0) {
                Segment s = (Segment) loc.readRefs[i * REFS];
                if (s != seg && s.ended && loc.writes > loc.readNums[i * NUMS] && loc.writerFlow != seg.flow) {
                    readSeg = s;
                    readInfo = (ThreadInfo) loc.readRefs[i * REFS + 1];
                    readLocks = (LockRef[]) loc.readRefs[i * REFS + 2];
                    readSite = (int) loc.readNums[i * NUMS + 1];
                }
                loc.remove(i, seg);
            }
            otherSite = loc.writerSite;
            otherFlow = loc.writerFlow;
            otherInfo = loc.writerInfo;
            otherLocks = loc.writerLocks;
            loc.writes++;
            loc.writerEpoch = t.epoch;
            loc.writerFlow = seg.flow;
            loc.writerSite = site;
            loc.writerInfo = t.info;
            loc.writerLocks = held;
        }
        if (readSeg == null) {
            return null;
        }
        // The report is rare: its stacks are decoded outside the location's monitor.
        Throwable handedOffAt = readSeg.handedOffAt;
        List<Frame> suspended = handedOffAt == null ? List.of()
                : StackCapture.trimLeadingJdk(StackCapture.frames(handedOffAt, stackDepth + 8), stackDepth);
        return new StaleWrite(readSite, name(readInfo, readSeg.flow), stackOf(readSite), readLocks, suspended,
                otherSite, name(otherInfo, otherFlow), stackOf(otherSite),
                otherLocks == null ? new LockRef[0] : otherLocks, name(t.info, seg.flow));
    }

    private static String name(ThreadInfo info, int flow) {
        return (info == null ? "?" : info.name()) + ", flow " + flow;
    }

    /** Captures the stack of the first access logged at {@code site}. */
    private void noteStack(int site) {
        List<Frame>[] stacks = siteStacks;
        if (site < 0 || site < stacks.length && stacks[site] != null) {
            return;
        }
        synchronized (this) {
            if (site >= siteStacks.length) {
                siteStacks = Arrays.copyOf(siteStacks, Math.max(site + 1, siteStacks.length * 2));
            }
            if (siteStacks[site] == null) {
                siteStacks[site] = StackCapture.capture(stackDepth);
            }
        }
    }

    private synchronized List<Frame> stackOf(int site) {
        List<Frame> stack = site >= 0 && site < siteStacks.length ? siteStacks[site] : null;
        return stack == null ? List.of() : stack;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
    private static List<Frame>[] newStacks(int n) {
        return new List[n];
    }

    /**
     * The segment task {@code t} runs, settled at its first need on the task's own thread: it continues its
     * candidate's flow when it is the first to claim that segment, else it starts a new flow.
     */
    private Segment segmentOf(ThreadState t) {
        Segment s = t.flowSegment;
        if (s != null) {
            return s;
        }
        Segment from = t.flowCandidate;
        s = from != null && from.claim() ? new Segment(from.flow) : new Segment(nextFlow.incrementAndGet());
        t.flowCandidate = null;
        t.flowSegment = s;
        return s;
    }
}
