package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random programs of release/acquire/fork/join/access on the real thread and sync clocks, checked against two
 * plain dense vector-clock models. Against a dense model with the same lazy ticks, entry by entry: every
 * shortcut (dominating epochs, shared tries, certificates, the terminated-thread join) must give exactly the
 * textbook result. Against the textbook model with eager ticks (every release ticks at once), access by
 * access: lazy ticking must order exactly the same pairs of accesses.
 */
class ClockModelTest {

    private static final int MAX_THREADS = 40;
    private static final int SYNCS = 4;

    /** One recorded access: its thread, its epoch in the detector, its clock value in the eager model. */
    private record Access(int thread, long epoch, long eagerClock) {
    }

    @Test
    void shortcutsAgreeWithDenseVectorClocks() {
        for (int seed = 0; seed < 300; seed++) {
            run(new Random(seed), seed);
        }
    }

    private static void run(Random rnd, int seed) {
        List<ThreadState> threads = new ArrayList<>();
        List<long[]> lazy = new ArrayList<>();
        List<long[]> eager = new ArrayList<>();
        List<Boolean> pending = new ArrayList<>();
        List<Boolean> alive = new ArrayList<>();
        List<Access> accesses = new ArrayList<>();
        SyncState[] syncs = new SyncState[SYNCS];
        long[][] syncLazy = new long[SYNCS][MAX_THREADS];
        long[][] syncEager = new long[SYNCS][MAX_THREADS];
        for (int i = 0; i < SYNCS; i++) {
            syncs[i] = new SyncState();
        }
        threads.add(new ThreadState(0, VectorClock.forThread(0, 1), new ThreadInfo("t0", List.of())));
        lazy.add(unit(0));
        eager.add(unit(0));
        pending.add(false);
        alive.add(true);
        for (int step = 0; step < 400; step++) {
            int t = rnd.nextInt(threads.size());
            if (!alive.get(t)) {
                continue;
            }
            ThreadState ts = threads.get(t);
            long[] lt = lazy.get(t);
            long[] et = eager.get(t);
            int op = rnd.nextInt(12);
            int s = rnd.nextInt(SYNCS);
            if (op < 3) {
                syncs[s].release(ts);
                max(syncLazy[s], lt);
                pending.set(t, true);
                max(syncEager[s], et);
                et[t]++;
            } else if (op < 6) {
                long before = ts.epoch;
                syncs[s].acquire(ts);
                joinLazy(lt, syncLazy[s], t, pending, ts.epoch != before);
                max(et, syncEager[s]);
            } else if (op < 8 && threads.size() < MAX_THREADS) {
                int u = threads.size();
                threads.add(new ThreadState(u, VectorClock.inherit(ts.clock, u, 1), new ThreadInfo("t" + u, List.of())));
                ts.released();
                long[] lu = lt.clone();
                lu[u] = 1;
                lazy.add(lu);
                pending.set(t, true);
                long[] eu = et.clone();
                eu[u] = 1;
                eager.add(eu);
                et[t]++;
                pending.add(false);
                alive.add(true);
            } else if (op < 10) {
                ts.beforeAccess();
                if (pending.get(t)) {
                    lt[t]++;
                    pending.set(t, false);
                }
                accesses.add(new Access(t, ts.epoch, et[t]));
            } else if (threads.size() > 1) {
                int d = rnd.nextInt(threads.size());
                if (d != t && (alive.get(d) ? rnd.nextBoolean() : true)) {
                    alive.set(d, false);
                    long before = ts.epoch;
                    ts.joinTerminated(threads.get(d));
                    joinLazy(lt, lazy.get(d), t, pending, ts.epoch != before);
                    max(et, eager.get(d));
                }
            }
            String at = "seed " + seed + " step " + step + ": ";
            for (int k = 0; k < threads.size(); k++) {
                for (int u = 0; u < MAX_THREADS; u++) {
                    assertEquals(lazy.get(k)[u], threads.get(k).clock.get(u), at + "thread " + k + " entry " + u);
                }
                for (Access a : accesses) {
                    boolean detector = threads.get(k).knows(a.epoch());
                    boolean textbook = a.eagerClock() <= eager.get(k)[a.thread()];
                    assertEquals(textbook, detector, at + "thread " + k + " ordered after " + a);
                }
            }
            for (int k = 0; k < SYNCS; k++) {
                VectorClock c = syncs[k].snapshot();
                for (int u = 0; u < MAX_THREADS; u++) {
                    assertEquals(syncLazy[k][u], c == null ? 0 : c.get(u), at + "sync " + k + " entry " + u);
                }
            }
        }
    }

    private static long[] unit(int t) {
        long[] c = new long[MAX_THREADS];
        c[t] = 1;
        return c;
    }

    /**
     * Lazy-tick acquire: a join that adds knowledge must start the epoch a release left pending. The detector
     * may also tick when its join cannot cheaply tell that nothing was added (more ticks lose no ordering),
     * so the model follows it then.
     */
    private static void joinLazy(long[] into, long[] from, int t, List<Boolean> pending, boolean detectorTicked) {
        boolean changed = false;
        for (int i = 0; i < into.length; i++) {
            if (from[i] > into[i]) {
                into[i] = from[i];
                changed = true;
            }
        }
        if ((changed || detectorTicked) && pending.get(t)) {
            into[t]++;
            pending.set(t, false);
        }
    }

    private static void max(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], from[i]);
        }
    }
}
