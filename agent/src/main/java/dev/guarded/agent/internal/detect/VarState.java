package dev.guarded.agent.internal.detect;

/**
 * Shadow state of one memory location (a field of one object, a static field, an array element): FastTrack's
 * last-write epoch and last-read epoch or {@link ReadSet}, with the site, thread and locks of those accesses,
 * plus Eraser's {@link LocksetState} in the lockset modes. {@code w} and {@code r} are volatile so the
 * same-epoch fast paths can test them without the monitor; every update happens under
 * {@code synchronized (this)}, held only for these few field updates and never while calling out.
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
    /** Eraser's state, created at the first lockset step (never in the default hb mode). */
    private LocksetState lockset;
    boolean hbRaced;
    /** The site pair of the last race reported here, to skip repeats without allocating. */
    long lastReportedPair;
    /** The stale-write log of this location ({@link Flows}), created at its first access by a tracked task. */
    volatile Flows.Location flowLocation;

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
            rs.put(t, t.epoch, site, t.info, held);
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
            rs.put(t, r0, rSite, rThr, rLocks);
            rs.put(t, t.epoch, site, t.info, held);
            shared = rs;
            r = READ_SHARED;
        }
        return c;
    }

    /**
     * Hybrid mode's prediction, before the FastTrack rule replaces the last write: the last write, when another
     * logical thread made it, it happens-before this write, but only through at least one incidental edge
     * (it is not in {@code t}'s transfer clock), and no lock was held at both. Another schedule could have
     * run the two the other way round, or at once. Null otherwise. Caller holds the monitor.
     */
    Conflict writeOrderedByAccident(ThreadState t, LockRef[] held) {
        long w0 = w;
        if (w0 == Epoch.NONE || wThr == null || wThr == t.info || !t.knows(w0) || t.transferred(w0)) {
            return null;
        }
        LockRef[] previous = wLocks == null ? LockRef.NONE : wLocks;
        if (LockRef.intersect(previous, held).length != 0) {
            return null;
        }
        return new Conflict(true, true, wSite, wThr, wLocks);
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
        if (lockset != null && wThr != null && wThr != t.info) {
            lockset.replacedWrite(wSite, wThr, wLocks);
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

    /** Eraser's step for this access, after the FastTrack rule. Caller holds the monitor. */
    void lockset(ThreadState t, boolean isWrite, LockRef[] held) {
        LocksetState ls = lockset;
        if (ls == null) {
            ls = new LocksetState();
            lockset = ls;
        }
        ls.step(t.info, isWrite, held);
    }

    /** @return Eraser's state: {@link #VIRGIN} until the first lockset step */
    byte eraser() {
        return lockset == null ? VIRGIN : lockset.eraser;
    }

    /** @return whether the location is shared-modified with an empty candidate lockset */
    boolean locksetViolated() {
        LocksetState ls = lockset;
        return ls != null && ls.eraser == SHARED_MODIFIED && ls.candidates.length == 0;
    }

    /** @return whether at least two threads wrote after the exclusive phase */
    boolean manyWriters() {
        return lockset != null && lockset.manyWriters;
    }

    /** @return the candidate lockset (null before the location left the exclusive state) */
    LockRef[] candidates() {
        return lockset == null ? null : lockset.candidates;
    }

    /** @return whether an unguarded-access report was already made for this location */
    boolean unguardedReported() {
        return lockset != null && lockset.unguardedReported;
    }

    /** Records that an unguarded-access report was made (after a lockset step created the state). */
    void markUnguardedReported() {
        if (lockset != null) {
            lockset.unguardedReported = true;
        }
    }

    /**
     * The previous access by a thread other than {@code me} to show in an unguarded report: the latest write
     * if someone else made it, else the saved earlier write by another thread, else the latest read.
     */
    Conflict otherAccess(ThreadInfo me, boolean preferWrite) {
        if (wThr != null && wThr != me) {
            return new Conflict(true, true, wSite, wThr, wLocks);
        }
        LocksetState ls = lockset;
        if (ls != null && ls.altThr != null && ls.altThr != me) {
            return new Conflict(true, true, ls.altSite, ls.altThr, ls.altLocks);
        }
        if (!preferWrite && rThr != null && rThr != me && shared == null) {
            return new Conflict(true, false, rSite, rThr, rLocks);
        }
        return null;
    }
}
