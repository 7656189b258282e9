package dev.guarded.sync.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * FIFO list of waiters with O(1) removal from the middle (cancellation). Not thread-safe: every
 * call must hold the owning primitive's internal lock.
 */
public final class WaitList {
    private Waiter<?> head;
    private Waiter<?> tail;
    private int size;

    /** @param w a waiter that is in no list; appended at the tail */
    public void add(Waiter<?> w) {
        if (w.list != null) {
            throw new IllegalStateException("waiter already queued");
        }
        w.list = this;
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /**
     * @param w a waiter
     * @return {@code true} if it was in this list and has been removed
     */
    public boolean remove(Waiter<?> w) {
        if (w.list != this) {
            return false;
        }
        Waiter<?> p = w.prev;
        Waiter<?> n = w.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        w.prev = null;
        w.next = null;
        w.list = null;
        size--;
        return true;
    }

    /** @return the oldest waiter, or {@code null} */
    public Waiter<?> peek() {
        return head;
    }

    /** @return the oldest waiter, removed, or {@code null} */
    public Waiter<?> poll() {
        Waiter<?> w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /** @return every waiter in FIFO order; the list is empty afterwards */
    public List<Waiter<?>> removeAll() {
        List<Waiter<?>> all = new ArrayList<>(size);
        for (Waiter<?> w = poll(); w != null; w = poll()) {
            all.add(w);
        }
        return all;
    }

    /** @return {@code true} if no waiter is queued */
    public boolean isEmpty() {
        return head == null;
    }

    /** @return the number of queued waiters */
    public int size() {
        return size;
    }
}
