package dev.guarded.sync.lincheck;

/**
 * Sequential specification of {@code AsyncLock}, written independently of it: a flag and a count of
 * queued requests. Lincheck checks concurrent runs against this, so it verifies the semantics
 * (strict FIFO hand-over, no barging tryLock), not only atomicity.
 */
public class LockModel {
    private boolean locked;
    private int queued;

    public boolean tryLock() {
        if (locked) {
            return false;
        }
        locked = true;
        return true;
    }

    public void unlock() {
        if (!locked) {
            throw new IllegalStateException("not locked");
        }
        if (queued > 0) {
            queued--; // handed to the oldest waiter: stays locked
        } else {
            locked = false;
        }
    }

    public boolean isLocked() {
        return locked;
    }

    public void lockAsync() {
        if (locked) {
            queued++;
        } else {
            locked = true;
        }
    }

    public int queueLength() {
        return queued;
    }
}
