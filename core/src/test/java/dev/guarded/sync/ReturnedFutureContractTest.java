package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract for every future a primitive returns (issue 13): every way of completing it from
 * outside either withdraws the request (and the grant it would have received goes elsewhere) or is
 * refused, and a grant already made is never lost or faked. Run over every primitive x every
 * completion method of {@code CompletableFuture} x the ways of reaching the future.
 */
class ReturnedFutureContractTest {

    /** A primitive set up so that {@link #request()} queues; the test holds what blocks it. */
    interface Subject {
        /** Makes one request; pending unless {@link #grantNext()} ran before. */
        CompletableFuture<?> request();

        /** Does what grants the oldest queued request (unlock, release, signal, arrive, set). */
        void grantNext();

        /** Gives back what a granted request holds. */
        void releaseGrant(CompletableFuture<?> granted);

        /** @return how many requests are queued */
        int queued();

        /**
         * Checks that the primitive is back to its idle state: nothing held, nothing queued.
         *
         * @param withdrawn whether the request was withdrawn (so {@link #grantNext()} went elsewhere)
         */
        void assertIdle(boolean withdrawn);

        /** @return whether {@link #request()} after {@link #grantNext()} is granted on the spot */
        default boolean grantsAtOnce() {
            return true;
        }
    }

    static Subject lock() {
        AsyncLock lock = new AsyncLock();
        assertTrue(lock.tryLock());
        return new Subject() {
            public CompletableFuture<?> request() {
                return lock.lockAsync();
            }

            public void grantNext() {
                lock.unlock();
            }

            public void releaseGrant(CompletableFuture<?> granted) {
                lock.unlock();
            }

            public int queued() {
                return lock.queueLength();
            }

            public void assertIdle(boolean withdrawn) {
                assertTrue(lock.tryLock(), "the lock is free: " + lock);
                lock.unlock();
            }
        };
    }

    static Subject lockGuard() {
        AsyncLock lock = new AsyncLock();
        assertTrue(lock.tryLock());
        return new Subject() {
            public CompletableFuture<?> request() {
                return lock.guardAsync();
            }

            public void grantNext() {
                lock.unlock();
            }

            public void releaseGrant(CompletableFuture<?> granted) {
                ((Guard) granted.join()).close();
            }

            public int queued() {
                return lock.queueLength();
            }

            public void assertIdle(boolean withdrawn) {
                assertTrue(lock.tryLock(), "the lock is free: " + lock);
                lock.unlock();
            }
        };
    }

    static Subject semaphore(AsyncSemaphore sem, boolean guard) {
        assertTrue(sem.tryAcquire(2));
        return new Subject() {
            public CompletableFuture<?> request() {
                return guard ? sem.guardAsync(2) : sem.acquireAsync(2);
            }

            public void grantNext() {
                sem.release(2);
            }

            public void releaseGrant(CompletableFuture<?> granted) {
                if (guard) {
                    ((Guard) granted.join()).close();
                } else {
                    sem.release(2);
                }
            }

            public int queued() {
                return sem.queueLength();
            }

            public void assertIdle(boolean withdrawn) {
                assertEquals(2, sem.availablePermits(), "no permit leaked: " + sem);
                assertFalse(sem.hasWaiters());
            }
        };
    }

    static Subject condition() {
        AsyncCondition cond = new AsyncCondition();
        AsyncLock lock = cond.lock();
        assertTrue(lock.tryLock());
        return new Subject() {
            public CompletableFuture<?> request() {
                CompletableFuture<Void> wait = cond.awaitAsync(); // releases the lock
                assertTrue(lock.tryLock(), "the wait released the lock");
                return wait;
            }

            public void grantNext() {
                cond.signal();
                lock.unlock(); // a notified waiter re-acquires it now
            }

            public void releaseGrant(CompletableFuture<?> granted) {
                lock.unlock();
            }

            public int queued() {
                return cond.queueLength();
            }

            public void assertIdle(boolean withdrawn) {
                assertEquals(0, cond.queueLength());
                assertEquals(0, lock.queueLength());
                assertTrue(lock.tryLock(), "the lock is free: " + lock);
                lock.unlock();
            }

            public boolean grantsAtOnce() {
                return false; // a condition wait always waits for a notification
            }
        };
    }

    static Subject barrier() {
        AsyncBarrier barrier = new AsyncBarrier(2);
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        return new Subject() {
            public CompletableFuture<?> request() {
                return barrier.awaitAsync();
            }

            public void grantNext() {
                others.add(barrier.awaitAsync()); // the second party
            }

            public void releaseGrant(CompletableFuture<?> granted) {
            }

            public int queued() {
                return barrier.waiting();
            }

            public void assertIdle(boolean withdrawn) {
                if (withdrawn) {
                    assertEquals(1, barrier.waiting(), "the withdrawn party did not count: " + barrier);
                    assertFalse(others.get(0).isDone());
                    barrier.awaitAsync();
                }
                assertTrue(others.get(0).isDone() && !others.get(0).isCompletedExceptionally());
                assertEquals(0, barrier.waiting());
                assertFalse(barrier.isBroken());
            }
        };
    }

    static Subject event() {
        AsyncEvent event = new AsyncEvent();
        return new Subject() {
            public CompletableFuture<?> request() {
                return event.awaitAsync();
            }

            public void grantNext() {
                event.set();
            }

            public void releaseGrant(CompletableFuture<?> granted) {
            }

            public int queued() {
                return event.queueLength();
            }

            public void assertIdle(boolean withdrawn) {
                assertEquals(0, event.queueLength());
                assertTrue(event.isSet());
            }
        };
    }

    /** What a completion method must do to a pending request. */
    enum Expect {
        /** The request is withdrawn: the future is done with the outside outcome, nothing queued. */
        WITHDRAWS,
        /** The call throws UnsupportedOperationException and the request stays queued. */
        REFUSED,
        /** The call completes something else (a copy); the request stays queued. */
        UNAFFECTED
    }

    /** A way of completing a future from outside. */
    record Method(String name, Expect onPending, Consumer<CompletableFuture<Object>> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** How the caller reaches the future it completes. */
    enum View {
        DIRECT, TO_COMPLETABLE_FUTURE, MINIMAL_STAGE, MINIMAL_STAGE_COPY;

        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<Object> of(CompletableFuture<?> f) {
            switch (this) {
                case DIRECT:
                    return (CompletableFuture) f;
                case TO_COMPLETABLE_FUTURE:
                    return (CompletableFuture) f.toCompletableFuture();
                case MINIMAL_STAGE:
                    return (CompletableFuture) f.minimalCompletionStage(); // a CompletableFuture that refuses completion
                default:
                    return (CompletableFuture) f.minimalCompletionStage().toCompletableFuture();
            }
        }

        Expect adjust(Expect direct) {
            switch (this) {
                case MINIMAL_STAGE:
                    return Expect.REFUSED;
                case MINIMAL_STAGE_COPY:
                    return Expect.UNAFFECTED;
                default:
                    return direct;
            }
        }
    }

    static final List<Method> METHODS = List.of(
            new Method("complete", Expect.WITHDRAWS, f -> f.complete(null)),
            new Method("completeExceptionally", Expect.WITHDRAWS, f -> f.completeExceptionally(new IllegalStateException("outside"))),
            new Method("cancel(false)", Expect.WITHDRAWS, f -> f.cancel(false)),
            new Method("cancel(true)", Expect.WITHDRAWS, f -> f.cancel(true)),
            new Method("completeAsync(supplier)", Expect.WITHDRAWS, f -> f.completeAsync(() -> null)),
            new Method("completeAsync(supplier, executor)", Expect.WITHDRAWS, f -> f.completeAsync(() -> null, Runnable::run)),
            new Method("completeAsync(failing supplier, executor)", Expect.WITHDRAWS, f -> f.completeAsync(() -> {
                throw new IllegalStateException("supplier failed");
            }, Runnable::run)),
            new Method("completeOnTimeout", Expect.WITHDRAWS, f -> f.completeOnTimeout(null, 1, TimeUnit.MILLISECONDS)),
            new Method("orTimeout", Expect.WITHDRAWS, f -> f.orTimeout(1, TimeUnit.MILLISECONDS)),
            new Method("obtrudeValue", Expect.REFUSED, f -> f.obtrudeValue(null)),
            new Method("obtrudeException", Expect.REFUSED, f -> f.obtrudeException(new IllegalStateException("obtruded"))));

    record Primitive(String name, Supplier<Subject> create) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Primitive> PRIMITIVES = List.of(
            new Primitive("AsyncLock.lockAsync", ReturnedFutureContractTest::lock),
            new Primitive("AsyncLock.guardAsync", ReturnedFutureContractTest::lockGuard),
            new Primitive("AsyncSemaphore.acquireAsync", () -> semaphore(new AsyncSemaphore(2), false)),
            new Primitive("AsyncSemaphore.guardAsync", () -> semaphore(new AsyncSemaphore(2), true)),
            new Primitive("AsyncBoundedSemaphore.acquireAsync", () -> semaphore(new AsyncBoundedSemaphore(2), false)),
            new Primitive("AsyncCondition.awaitAsync", ReturnedFutureContractTest::condition),
            new Primitive("AsyncBarrier.awaitAsync", ReturnedFutureContractTest::barrier),
            new Primitive("AsyncEvent.awaitAsync", ReturnedFutureContractTest::event));

    static Stream<Arguments> pendingCases() {
        return PRIMITIVES.stream().flatMap(p -> METHODS.stream()
                .flatMap(m -> Stream.of(View.values()).map(v -> Arguments.of(p, m, v))));
    }

    static Stream<Arguments> grantedCases() {
        return PRIMITIVES.stream().flatMap(p -> METHODS.stream()
                .flatMap(m -> Stream.of(true, false).map(atOnce -> Arguments.of(p, m, atOnce))));
    }

    /** Applies {@code m}; @return whether it was refused with UnsupportedOperationException. */
    private static boolean apply(Method m, CompletableFuture<Object> target) {
        try {
            m.apply().accept(target);
            return false;
        } catch (UnsupportedOperationException refused) {
            return true;
        }
    }

    @ParameterizedTest(name = "{0}: {1} through {2} on a pending request")
    @MethodSource("pendingCases")
    void aPendingRequestIsWithdrawnOrTheCallRefused(Primitive p, Method m, View view) {
        Subject s = p.create().get();
        CompletableFuture<?> f = s.request();
        assertFalse(f.isDone(), "the request waits");
        assertEquals(1, s.queued());
        CompletableFuture<Object> target = view.of(f);
        Expect expect = view.adjust(m.onPending());
        boolean refused = apply(m, target);
        assertEquals(expect == Expect.REFUSED, refused, m + " refused");
        if (expect == Expect.WITHDRAWS) {
            Probe.until(m + " completed the future", f::isDone);
            // An asynchronous completion (completeAsync on the common pool, a timeout) marks the future done
            // and then withdraws the request on its own thread, so the queue may lag the future for a moment.
            Probe.until(m + " withdrew the request from the queue", () -> s.queued() == 0);
            s.grantNext(); // the grant the request would have had goes elsewhere
            s.assertIdle(true);
            return;
        }
        if (expect == Expect.UNAFFECTED) {
            Probe.until(m + " completed the copy", target::isDone);
        }
        assertFalse(f.isDone(), "the request still waits");
        assertEquals(1, s.queued());
        s.grantNext();
        Probe.until("granted", f::isDone);
        assertFalse(f.isCompletedExceptionally(), "granted normally: " + f);
        s.releaseGrant(f);
        s.assertIdle(false);
    }

    @ParameterizedTest(name = "{0}: {1} on a granted request (granted on the spot: {2})")
    @MethodSource("grantedCases")
    void aGrantIsNeverLostOrFaked(Primitive p, Method m, boolean atOnce) {
        Subject s = p.create().get();
        CompletableFuture<?> f;
        if (atOnce) {
            if (!s.grantsAtOnce()) {
                return; // nothing to check: this primitive never grants on the spot
            }
            s.grantNext();
            f = s.request();
            assertTrue(f.isDone(), "granted on the spot");
        } else {
            f = s.request();
            s.grantNext();
        }
        Probe.until("granted", f::isDone);
        Object value = f.join();
        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<Object> target = (CompletableFuture) f;
        boolean refused = apply(m, target);
        assertEquals(m.onPending() == Expect.REFUSED, refused, m + " refused");
        assertFalse(f.isCompletedExceptionally(), "the grant stands: " + f);
        if (f.join() != value) {
            fail("the granted value changed from " + value + " to " + f.join());
        }
        s.releaseGrant(f);
        s.assertIdle(false);
    }
}
