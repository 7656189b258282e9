package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * {@code ConcurrentHashMap} point operations, per element: a value put into a map releases into that value on
 * the map's element channel ({@link Bridges#elementChannel}), and a lookup that returns a value acquires from
 * it. This is the map's documented guarantee (placing an element happens-before accessing it) and no more:
 * one clock per map would also order a thread after every unrelated insert, such as the JDK's own class
 * loading inserting per-class lock objects into a shared map, which hides races. Whole-map views (iteration,
 * size, forEach, ...) still use the map's channel 0, which every mutation releases into.
 */
final class MapAdvice {

    private MapAdvice() {
    }

    /** {@code get} (also behind {@code getOrDefault}): the returned value's insert happens-before. */
    static final class Get {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object map, @Advice.Return Object value) {
            if (value != null) {
                Hooks.acquire(value, Bridges.elementChannel(map));
            }
            Hooks.acquire(map, Bridges.COMPUTED);
        }
    }

    /**
     * {@code putVal(key, value, onlyIfAbsent)} (behind put, putIfAbsent, putAll) and {@code replaceNode(key,
     * value, expected)} (behind remove and replace): publishes the new value, sees the value it displaced or
     * found.
     */
    static final class Update {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map, @Advice.Argument(1) Object value) {
            Hooks.release(map);
            if (value != null) {
                Hooks.release(value, Bridges.elementChannel(map));
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object map, @Advice.Return Object previous) {
            if (previous != null) {
                Hooks.acquire(previous, Bridges.elementChannel(map));
            }
        }
    }

    /**
     * {@code compute/computeIfAbsent/computeIfPresent/merge}: the new value is made inside the call, so it is
     * published on the map's {@link Bridges#COMPUTED} channel (which {@code get} acquires) before the call;
     * the function sees what was published before (channel 0); the result's insert happens-before the return.
     */
    static final class Compute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map) {
            Hooks.acquireRelease(map);
            Hooks.release(map, Bridges.COMPUTED);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object map, @Advice.Return Object result) {
            if (result != null) {
                Hooks.acquire(result, Bridges.elementChannel(map));
            }
        }
    }

    /**
     * {@code merge}: as {@link Compute}, but its acquire of the map is an incidental edge
     * ({@code Bridges.INCIDENTAL}): merging into a value (a count, a sum) succeeds whatever the other threads
     * merged, so the order it puts them in is no hand-off.
     */
    static final class Merge {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map) {
            Hooks.acquire(map, Bridges.INCIDENTAL);
            Hooks.release(map, 0);
            Hooks.release(map, Bridges.COMPUTED);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object map, @Advice.Return Object result) {
            if (result != null) {
                Hooks.acquire(result, Bridges.elementChannel(map));
            }
        }
    }

    /** {@code merge}'s key: as {@link KeyUpdate}, acquired as an incidental edge ({@link Merge}). */
    static final class KeyMerge {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map, @Advice.Argument(0) Object key) {
            Bridges.keyMerge(map, key);
        }
    }

    /** {@code replaceAll}: every new value is made inside the call; published like {@link Compute}'s. */
    static final class Recompute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map) {
            Hooks.release(map, Bridges.COMPUTED);
        }
    }

    /**
     * {@code get} (behind {@code containsKey}, {@code getOrDefault} and the key set's {@code contains}): before
     * the map compares the key with its stored keys ({@code equals} reads the stored key's fields), acquire
     * what the insertion of an equal key published ({@link Hooks#keyAcquire}).
     */
    static final class KeyLookup {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map, @Advice.Argument(0) Object key) {
            Hooks.keyAcquire(map, key);
        }
    }

    /**
     * Updates by key ({@code putVal}, {@code replaceNode}, {@code compute*}, {@code merge}): they compare with
     * stored keys too, and may insert theirs, so they acquire and then release the key's channel on entry
     * ({@link Hooks#keyAcquireRelease}).
     */
    static final class KeyUpdate {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map, @Advice.Argument(0) Object key) {
            Hooks.keyAcquireRelease(map, key);
        }
    }
}
