package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.guarded.agent.hook.Bridges;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/** A sync node's channels: each key has one clock, created once however many threads ask at the same time. */
class SyncNodeChannelsTest {

    @Test
    void eachChannelHasAClockOfItsOwn() {
        SyncNode node = new SyncNode();
        assertNull(node.channel(Bridges.FIELD_ATOMICS, false), "never released into: no clock");
        SyncState atomics = node.channel(Bridges.FIELD_ATOMICS, true);
        SyncState other = node.channel(7, true);
        assertNotNull(atomics);
        assertSame(atomics, node.channel(Bridges.FIELD_ATOMICS, false));
        assertSame(atomics, node.channel(Bridges.FIELD_ATOMICS, true));
        assertSame(other, node.channel(7, false));
        assertNotSame(atomics, other);
        assertNotSame(node.main, atomics, "volatile fields must not order the object's monitor");
        assertNotSame(node.main, other);
    }

    @Test
    void threadsThatCreateAChannelAtOnceGetOneClock() throws Exception {
        for (long key : new long[] {Bridges.FIELD_ATOMICS, 5}) {
            for (int round = 0; round < 300; round++) {
                SyncNode node = new SyncNode();
                int threads = 4;
                AtomicReferenceArray<SyncState> seen = new AtomicReferenceArray<>(threads);
                CountDownLatch start = new CountDownLatch(1);
                Thread[] all = new Thread[threads];
                for (int i = 0; i < threads; i++) {
                    int me = i;
                    all[i] = new Thread(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        seen.set(me, node.channel(key, true));
                    });
                    all[i].start();
                }
                start.countDown();
                for (Thread t : all) {
                    t.join();
                }
                for (int i = 0; i < threads; i++) {
                    assertSame(node.channel(key, false), seen.get(i), "key " + key + ", round " + round);
                }
            }
        }
    }
}
