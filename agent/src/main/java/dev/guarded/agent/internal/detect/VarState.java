package dev.guarded.agent.internal.detect;

/**
 * Shadow state of one memory location (a field of one object, a static field, an array element): FastTrack's
 * last-write epoch and last-read epoch or {@link ReadSet}, with the site, thread and locks of those accesses,
 * plus Eraser's lockset state. {@code w} and {@code r} are volatile so the same-epoch fast paths can test them
 * without the monitor; every update happens under {@code synchronized (this)}, held only for these few field
 * updates and never while calling out.
 */
final class VarState {

    static final byte VIRGIN = 0;
    static final byte EXCLUSIVE = 1;
    static final byte SHARED = 2;
    static final byte SHARED_MODIFIED = 3;
    /** {@code r} while the reads are in {@link #shared}: never equal to a real epoch. */
    private static final long READ_SHARED = -1L;

    volatile long w;
    volatile long r;
    volatile ReadSet shared;
    private int wSite;
    private ThreadInfo wThr;
    private LockRef[] wLocks;
    private int rSite;
    private ThreadInfo rThr;
    private LockRef[] rLocks;
    /** The last write by a thread other than the latest writer, for lockset reports. */
    private int altSite;
    private ThreadInfo altThr;
    private LockRef[] altLocks;

    byte eraser;
    private ThreadInfo exclusiveOwner;
    private LockRef[] candidates;
    private ThreadInfo sharedWriter;
    private boolean manyWriters;
    boolean hbRaced;
    boolean unguardedReported;
    /** The site pair of the last race reported here, to skip repeats without allocating. */
    long lastReportedPair;

    /** FastTrack read rule; @return the conflicting earlier write, or null. Caller holds the monitor. */
    Conflict read(ThreadState t, int site, LockRef[] held) {
        Conflict c = null;
        long w0 = w;
        if (w0 != Epoch.NONE && !t.knows(w0)) {
            c = new Conflict(false, true, wSite, wThr, wLocks);
            hbRaced = true;
        }
        ReadSet rs = shared;
        if (rs != null) {
            rs.put(t.epoch, site, t.info, held);
            return c;
        }
        long r0 = r;
        if (r0 == Epoch.NONE || t.knows(r0)) {
            rSite = site;
            rThr = t.info;
            rLocks = held;
            r = t.epoch;
        } else {
            rs = new ReadSet();
            rs.put(r0, rSite, rThr, rLocks);
            rs.put(t.epoch, site, t.info, held);
            shared = rs;
            r = READ_SHARED;
        }
        return c;
    }

    /** FastTrack write rule; @return the conflicting earlier write or read, or null. Caller holds the monitor. */
    Conflict write(ThreadState t, int site, LockRef[] held) {
        Conflict c = null;
        long w0 = w;
        if (w0 != Epoch.NONE && !t.knows(w0)) {
            c = new Conflict(false, true, wSite, wThr, wLocks);
        } else {
            ReadSet rs = shared;
            if (rs != null) {
                int i = rs.firstUnordered(t);
                if (i >= 0) {
                    c = new Conflict(false, false, rs.siteAt(i), rs.infoAt(i), rs.locksAt(i));
                }
            } else if (r != Epoch.NONE && !t.knows(r)) {
                c = new Conflict(false, false, rSite, rThr, rLocks);
            }
        }
        if (c != null) {
            hbRaced = true;
        }
        if (wThr != null && wThr != t.info) {
            altSite = wSite;
            altThr = wThr;
            altLocks = wLocks;
        }
        wSite = site;
        wThr = t.info;
        wLocks = held;
        w = t.epoch;
        if (shared != null) {
            shared = null;
            r = Epoch.NONE;
        }
        return c;
    }

    /**
     * Eraser's state machine (virgin → exclusive → shared → shared-modified, candidate set refined from the
     * first access by a second thread on), called after the FastTrack rule. Counts the writers seen after
     * the exclusive phase (initialisation by the creating thread does not count).
     */
    void lockset(ThreadState t, boolean isWrite, LockRef[] held) {
        switch (eraser) {
            case VIRGIN -> {
                eraser = EXCLUSIVE;
                exclusiveOwner = t.info;
                return;
            }
            case EXCLUSIVE -> {
                if (exclusiveOwner == t.info) {
                    return;
                }
                exclusiveOwner = null;
                candidates = held;
                eraser = isWrite ? SHARED_MODIFIED : SHARED;
            }
            default -> {
                candidates = LockRef.intersect(candidates, held);
                if (isWrite) {
                    eraser = SHARED_MODIFIED;
                }
            }
        }
        if (isWrite) {
            if (sharedWriter == null) {
                sharedWriter = t.info;
            } else if (sharedWriter != t.info) {
                manyWriters = true;
            }
        }
    }

    /** @return whether the location is shared-modified with an empty candidate lockset */
    boolean locksetViolated() {
        return eraser == SHARED_MODIFIED && candidates.length == 0;
    }

    /** @return whether at least two threads wrote after the exclusive phase */
    boolean manyWriters() {
        return manyWriters;
    }

    /** @return the candidate lockset (null before the location left the exclusive state) */
    LockRef[] candidates() {
        return candidates;
    }

    /**
     * The previous access by a thread other than {@code me} to show in an unguarded report: the latest write
     * if someone else made it, else the saved earlier write by another thread, else the latest read.
     */
    Conflict otherAccess(ThreadInfo me, boolean preferWrite) {
        if (wThr != null && wThr != me) {
            return new Conflict(true, true, wSite, wThr, wLocks);
        }
        if (altThr != null && altThr != me) {
            return new Conflict(true, true, altSite, altThr, altLocks);
        }
        if (!preferWrite && rThr != null && rThr != me && shared == null) {
            return new Conflict(true, false, rSite, rThr, rLocks);
        }
        return null;
    }
}
