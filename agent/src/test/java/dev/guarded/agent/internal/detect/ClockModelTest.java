package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random programs of release/acquire/fork/join on the real thread and sync clocks, checked entry by entry
 * against plain dense vector clocks: every shortcut (dominating epochs, shared tries, certificates, the
 * terminated-thread join) must give exactly the textbook result.
 */
class ClockModelTest {

    private static final int MAX_THREADS = 40;
    private static final int SYNCS = 4;

    @Test
    void shortcutsAgreeWithDenseVectorClocks() {
        for (int seed = 0; seed < 200; seed++) {
            run(new Random(seed), seed);
        }
    }

    private static void run(Random rnd, int seed) {
        List<ThreadState> threads = new ArrayList<>();
        List<long[]> ref = new ArrayList<>();
        List<Boolean> alive = new ArrayList<>();
        SyncState[] syncs = new SyncState[SYNCS];
        long[][] syncRef = new long[SYNCS][MAX_THREADS];
        for (int i = 0; i < SYNCS; i++) {
            syncs[i] = new SyncState();
        }
        threads.add(new ThreadState(0, VectorClock.forThread(0, 1), new ThreadInfo("t0", List.of())));
        long[] r0 = new long[MAX_THREADS];
        r0[0] = 1;
        ref.add(r0);
        alive.add(true);
        for (int step = 0; step < 400; step++) {
            int t = rnd.nextInt(threads.size());
            if (!alive.get(t)) {
                continue;
            }
            ThreadState ts = threads.get(t);
            long[] rt = ref.get(t);
            int op = rnd.nextInt(10);
            int s = rnd.nextInt(SYNCS);
            if (op < 3) {
                syncs[s].release(ts);
                max(syncRef[s], rt);
                rt[t]++;
            } else if (op < 6) {
                syncs[s].acquire(ts);
                max(rt, syncRef[s]);
            } else if (op < 8 && threads.size() < MAX_THREADS) {
                int u = threads.size();
                threads.add(new ThreadState(u, VectorClock.inherit(ts.clock, u, 1), new ThreadInfo("t" + u, List.of())));
                ts.tick();
                long[] ru = rt.clone();
                ru[u] = 1;
                ref.add(ru);
                alive.add(true);
                rt[t]++;
            } else if (threads.size() > 1) {
                int d = rnd.nextInt(threads.size());
                if (d != t && (alive.get(d) ? rnd.nextBoolean() : true)) {
                    alive.set(d, false);
                    ts.joinTerminated(threads.get(d));
                    max(rt, ref.get(d));
                }
            }
            for (int k = 0; k < threads.size(); k++) {
                for (int u = 0; u < MAX_THREADS; u++) {
                    assertEquals(ref.get(k)[u], threads.get(k).clock.get(u),
                            "seed " + seed + " step " + step + ": thread " + k + " entry " + u);
                }
            }
            for (int k = 0; k < SYNCS; k++) {
                VectorClock c = syncs[k].snapshot();
                for (int u = 0; u < MAX_THREADS; u++) {
                    assertEquals(syncRef[k][u], c == null ? 0 : c.get(u),
                            "seed " + seed + " step " + step + ": sync " + k + " entry " + u);
                }
            }
        }
    }

    private static void max(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], from[i]);
        }
    }
}
