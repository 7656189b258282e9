package dev.guarded.sync;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/** The {@link Lock} face of an {@link AsyncLock}; see {@link AsyncLock#asLock()}. */
final class LockView implements Lock {
    private final AsyncLock lock;

    LockView(AsyncLock lock) {
        this.lock = lock;
    }

    @Override
    public void lock() {
        lock.lockUninterruptibly();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        lock.lock();
    }

    @Override
    public boolean tryLock() {
        return lock.tryLock();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(Duration.ofNanos(unit.toNanos(time)));
    }

    @Override
    public void unlock() {
        try {
            lock.unlock();
        } catch (IllegalStateException notLocked) {
            throw monitorState(notLocked);
        }
    }

    @Override
    public Condition newCondition() {
        return new ConditionView(new AsyncCondition(lock));
    }

    @Override
    public String toString() {
        return lock.toString();
    }

    /** What {@code java.util.concurrent.locks} callers expect when the lock is not held. */
    static IllegalMonitorStateException monitorState(IllegalStateException cause) {
        IllegalMonitorStateException e = new IllegalMonitorStateException(cause.getMessage());
        e.initCause(cause);
        return e;
    }

    /** The {@link Condition} face of an {@link AsyncCondition}. */
    static final class ConditionView implements Condition {
        private final AsyncCondition condition;

        ConditionView(AsyncCondition condition) {
            this.condition = condition;
        }

        @Override
        public void await() throws InterruptedException {
            try {
                condition.await();
            } catch (IllegalStateException notLocked) {
                throw monitorState(notLocked);
            }
        }

        @Override
        public void awaitUninterruptibly() {
            try {
                condition.awaitUninterruptibly();
            } catch (IllegalStateException notLocked) {
                throw monitorState(notLocked);
            }
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            long deadline = System.nanoTime() + nanosTimeout;
            boolean notified = await(nanosTimeout);
            long left = deadline - System.nanoTime();
            // A notification must report time left (> 0) even if it arrived at the deadline.
            return notified ? Math.max(left, 1) : Math.min(left, 0);
        }

        @Override
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            return await(unit.toNanos(time));
        }

        @Override
        public boolean awaitUntil(Date deadline) throws InterruptedException {
            return await(TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis()));
        }

        @Override
        public void signal() {
            try {
                condition.signal();
            } catch (IllegalStateException notLocked) {
                throw monitorState(notLocked);
            }
        }

        @Override
        public void signalAll() {
            try {
                condition.signalAll();
            } catch (IllegalStateException notLocked) {
                throw monitorState(notLocked);
            }
        }

        private boolean await(long nanos) throws InterruptedException {
            try {
                return condition.await(Duration.ofNanos(nanos));
            } catch (IllegalStateException notLocked) {
                throw monitorState(notLocked);
            }
        }

        @Override
        public String toString() {
            return condition.toString();
        }
    }
}
