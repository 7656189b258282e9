package dev.guarded.itprog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;

/**
 * Checks the agent's JDK model independently of the detector: replaces the installed listener with a
 * recorder and, for each construct, prints {@code ok <construct>} when the expected release/acquire events
 * on the expected key were seen, else {@code missing <construct>: <events>}.
 */
public final class ModelProbe {

    volatile int updated;

    public static void main(String[] args) throws Exception {
        Recorder rec = new Recorder();
        Hooks.install(rec);
        ReentrantLock lock = new ReentrantLock();
        Object sync = syncOf(ReentrantLock.class, lock);
        check(rec, "ReentrantLock", () -> { lock.lock(); lock.unlock(); }, "lockAcquired", sync, "lockReleasing", sync);
        Semaphore sem = new Semaphore(0);
        check(rec, "Semaphore", () -> { sem.release(); sem.acquireUninterruptibly(); }, "release", sem, "acquire", sem);
        CountDownLatch latch = new CountDownLatch(1);
        check(rec, "CountDownLatch", () -> { latch.countDown(); await(latch); }, "release", latch, "acquire", latch);
        AtomicInteger atomic = new AtomicInteger();
        check(rec, "AtomicInteger", () -> { atomic.set(1); atomic.get(); atomic.incrementAndGet(); },
                "release", atomic, "acquire", atomic);
        ModelProbe target = new ModelProbe();
        AtomicIntegerFieldUpdater<ModelProbe> up = AtomicIntegerFieldUpdater.newUpdater(ModelProbe.class, "updated");
        check(rec, "FieldUpdater", () -> up.incrementAndGet(target), "release", target, "acquire", target);
        Object value = new Object();
        ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
        check(rec, "ConcurrentHashMap", () -> { map.put("k", value); map.get("k"); }, "release", map, "release", value,
                "acquire", value);
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        check(rec, "LinkedBlockingQueue", () -> { queue.offer("x"); queue.poll(); }, "release", queue, "acquire", queue);
        ArrayBlockingQueue<String> abq = new ArrayBlockingQueue<>(1);
        check(rec, "ArrayBlockingQueue", () -> { abq.offer("x"); abq.poll(); }, "release", abq, "acquire", abq);
        CompletableFuture<String> cf = new CompletableFuture<>();
        check(rec, "CompletableFuture", () -> { cf.complete("v"); cf.join(); }, "release", cf, "acquire", cf);
        CompletableFuture<String> src = new CompletableFuture<>();
        CompletableFuture<String> dep = src.thenApply(s -> s + "!");
        check(rec, "CompletableFuture dependent", () -> { src.complete("a"); dep.join(); }, "acquire", src,
                "acquire", dep);
        Thread t = new Thread(() -> { });
        check(rec, "Thread start/join", () -> { t.start(); join(t); }, "threadStarting", t, "threadTerminated", t,
                "threadExiting", t);
        if (Runtime.version().feature() >= 21) {
            Thread v = unstartedVirtual(() -> { });
            check(rec, "Virtual thread start/exit", () -> { v.start(); join(v); }, "threadStarting", v,
                    "threadExiting", v);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?>[] f = new Future<?>[1];
        check(rec, "ExecutorService submit/get", () -> { f[0] = pool.submit(() -> 1); get(f[0]); },
                "release", pool, "acquire", f);
        pool.shutdown();
        RecursiveTask<Integer> task = new RecursiveTask<>() {
            @Override protected Integer compute() { return 7; }
        };
        check(rec, "ForkJoin invoke", () -> ForkJoinPool.commonPool().invoke(task), "release", task, "acquire", task);
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        check(rec, "ReadWriteLock", () -> { rw.writeLock().lock(); rw.writeLock().unlock(); rw.readLock().lock();
            rw.readLock().unlock(); }, "lockAcquired", syncOf(ReentrantReadWriteLock.class, rw), "lockReleasing",
                syncOf(ReentrantReadWriteLock.class, rw), "lockHeld", syncOf(ReentrantReadWriteLock.class, rw),
                "lockDropped", syncOf(ReentrantReadWriteLock.class, rw));
        StampedLock sl = new StampedLock();
        check(rec, "StampedLock", () -> { long s = sl.writeLock(); sl.unlockWrite(s); s = sl.readLock();
            sl.unlockRead(s); }, "release", sl, "acquire", sl);
        Condition cond = lock.newCondition();
        lock.lock(); // await alone must leave and re-enter the lock, with the key that lock()/unlock() use
        check(rec, "Condition", () -> awaitNanos(cond), "lockReleasing", sync, "lockAcquired", sync, "acquire", null);
        lock.unlock();
        // A thread that does not hold a lock reports nothing for it: its unlock and await only throw. The
        // detector relies on it (a JDK lock's clock is kept apart by the lock itself).
        ReentrantLock unheld = new ReentrantLock();
        Object unheldSync = syncOf(ReentrantLock.class, unheld);
        Condition unheldCondition = unheld.newCondition();
        checkNone(rec, "unlock and await without the lock", () -> {
            refused(unheld::unlock);
            refused(() -> awaitNanos(unheldCondition));
        }, "lockReleasing", unheldSync, "lockAcquired", unheldSync);
        Hooks.install(HookListener.NONE);
        // Futures and tasks keep their sync state in a slot the agent adds when they load (JdkSyncSlots).
        for (Class<?> type : List.of(CompletableFuture.class, ForkJoinTask.class, FutureTask.class)) {
            System.out.println(hasSyncSlot(type) ? "ok sync slot " + type.getSimpleName()
                    : "missing sync slot " + type.getSimpleName());
        }
    }

    /** {@code Thread.ofVirtual().unstarted(body)}, reflectively: the probe also runs on JDK 17. */
    private static Thread unstartedVirtual(Runnable body) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class)
                    .invoke(builder, body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no virtual threads on JDK " + Runtime.version(), e);
        }
    }

    private static boolean hasSyncSlot(Class<?> type) {
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getName().equals("guarded$sync") && f.isSynthetic() && java.lang.reflect.Modifier.isTransient(m)
                    && !java.lang.reflect.Modifier.isStatic(m)) {
                return true;
            }
        }
        return false;
    }

    private static void check(Recorder rec, String name, Runnable action, Object... expected) {
        rec.clear();
        action.run();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < expected.length; i += 2) {
            Object key = expected[i + 1] instanceof Future<?>[] arr ? arr[0] : expected[i + 1];
            if (!rec.saw((String) expected[i], key)) {
                missing.add(expected[i] + "(" + (key == null ? "any" : key.getClass().getSimpleName()) + ")");
            }
        }
        System.out.println(missing.isEmpty() ? "ok " + name : "missing " + name + ": " + missing);
    }

    /** Prints {@code ok <construct>} when none of the given events was seen on its key during {@code action}. */
    private static void checkNone(Recorder rec, String name, Runnable action, Object... unexpected) {
        rec.clear();
        action.run();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < unexpected.length; i += 2) {
            if (rec.saw((String) unexpected[i], unexpected[i + 1])) {
                seen.add((String) unexpected[i]);
            }
        }
        System.out.println(seen.isEmpty() ? "ok " + name : "unexpected " + name + ": " + seen);
    }

    /** Runs an operation the caller may not make, which must refuse with IllegalMonitorStateException. */
    private static void refused(Runnable operation) {
        try {
            operation.run();
        } catch (IllegalMonitorStateException expected) {
            return;
        }
        throw new IllegalStateException("an operation without the lock was not refused");
    }

    /**
     * The lock's synchronizer, under which the model reports holds and clocks (a condition knows only it);
     * needs {@code --add-opens java.base/java.util.concurrent.locks=ALL-UNNAMED}.
     */
    private static Object syncOf(Class<?> type, Object lock) throws ReflectiveOperationException {
        java.lang.reflect.Field f = type.getDeclaredField("sync");
        f.setAccessible(true);
        return f.get(lock);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitNanos(Condition c) {
        try {
            c.awaitNanos(1_000L);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void get(Future<?> f) {
        try {
            f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
