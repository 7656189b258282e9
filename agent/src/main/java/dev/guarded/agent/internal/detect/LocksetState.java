package dev.guarded.agent.internal.detect;

/**
 * Eraser's state for one location, kept apart from {@link VarState} so that the default happens-before mode,
 * which never uses it, does not pay for it in every shadow record: the state machine (virgin → exclusive →
 * shared → shared-modified), the candidate lockset, the writers seen, and the last write by another thread
 * than the latest writer (for lockset reports). Guarded by the owning {@link VarState}'s monitor.
 */
final class LocksetState {

    byte eraser = VarState.VIRGIN;
    private ThreadInfo exclusiveOwner;
    LockRef[] candidates;
    private ThreadInfo sharedWriter;
    boolean manyWriters;
    boolean unguardedReported;
    int altSite;
    ThreadInfo altThr;
    LockRef[] altLocks;

    /**
     * One step of the state machine, after the FastTrack rule; the candidate set is refined from the first
     * access by a second thread on. Initialisation by the creating thread does not count as a writer.
     */
    void step(ThreadInfo thread, boolean isWrite, LockRef[] held) {
        switch (eraser) {
            case VarState.VIRGIN -> {
                eraser = VarState.EXCLUSIVE;
                exclusiveOwner = thread;
                return;
            }
            case VarState.EXCLUSIVE -> {
                if (exclusiveOwner == thread) {
                    return;
                }
                exclusiveOwner = null;
                candidates = held;
                eraser = isWrite ? VarState.SHARED_MODIFIED : VarState.SHARED;
            }
            default -> {
                candidates = LockRef.intersect(candidates, held);
                if (isWrite) {
                    eraser = VarState.SHARED_MODIFIED;
                }
            }
        }
        if (isWrite) {
            if (sharedWriter == null) {
                sharedWriter = thread;
            } else if (sharedWriter != thread) {
                manyWriters = true;
            }
        }
    }

    /** Remembers the write being replaced when another thread made it. */
    void replacedWrite(int site, ThreadInfo thread, LockRef[] locks) {
        altSite = site;
        altThr = thread;
        altLocks = locks;
    }
}
