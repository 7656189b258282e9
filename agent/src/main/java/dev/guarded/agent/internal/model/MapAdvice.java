package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

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

    /** {@code replaceAll}: every new value is made inside the call; published like {@link Compute}'s. */
    static final class Recompute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object map) {
            Hooks.release(map, Bridges.COMPUTED);
        }
    }

    /**
     * Updates that may insert their key ({@code putVal}, {@code compute*}, {@code merge} of
     * {@code ConcurrentHashMap}, {@code doPut} of {@code ConcurrentSkipListMap}): release into the key on entry,
     * before the map makes it visible ({@link Bridges#keyStored}); a lookup that later meets it acquires that
     * at the comparison ({@link KeyComparisons}).
     */
    static final class KeyInsert {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object key) {
            Bridges.keyStored(key);
        }
    }

    /**
     * {@code KeyIterator.next} (behind {@code nextElement} of {@code keys()} too): the key it hands out was
     * placed in the map, perhaps after the iterator was made, and its insertion happens-before.
     */
    static final class IteratedKey {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return Object key) {
            Bridges.keySeen(key);
        }
    }

    /** {@code ValueIterator.next}: as {@link IteratedKey}, for the value, on the map's element channel. */
    static final class IteratedValue {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("map") Object map, @Advice.Return Object value) {
            if (value != null && map != null) {
                Hooks.acquire(value, Bridges.elementChannel(map));
            }
        }
    }

    /**
     * The constructor of {@code MapEntry(key, value, map)}, the entry that the entry view hands out (its
     * iterator, {@code forEach}, spliterator): as {@link IteratedKey} and {@link IteratedValue}.
     */
    static final class IteratedEntry {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object key, @Advice.Argument(1) Object value,
                @Advice.Argument(2) Object map) {
            Bridges.keySeen(key);
            if (value != null && map != null) {
                Hooks.acquire(value, Bridges.elementChannel(map));
            }
        }
    }

    /**
     * Rewrites the key comparisons inside a concurrent map's code: {@code Object.equals(Object)} calls become
     * {@link Bridges#storedKeyEquals}, {@code Comparable.compareTo} and {@code Comparator.compare} calls become
     * {@link Bridges#storedKeyCompare}, which acquire what the insertion of the stored key released and then
     * make the original call. The acquire must be where the map compares, not on entry of the lookup: a key
     * inserted by another thread after the lookup started is still met and compared by it. The comparisons
     * of every path are covered this way, whatever method reaches them (get, containsKey, putIfAbsent,
     * compute*, the forwarding nodes of a resize, tree bins, skip-list searches). The bridges take the same
     * operands and leave the same result, so the stack and frames do not change. In {@code merge} the acquire
     * is an incidental edge ({@link Bridges#storedKeyEqualsIncidental}), as {@link Merge}'s others are.
     */
    static final class KeyComparisons implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {

        private static final String BRIDGES = "dev/guarded/agent/hook/Bridges";

        @Override
        public MethodVisitor wrap(TypeDescription type, MethodDescription method, MethodVisitor visitor,
                Implementation.Context context, TypePool pool, int writerFlags, int readerFlags) {
            // merge's acquires are incidental edges (MapAdvice.Merge): so is its key comparison.
            String equalsBridge = method.getName().equals("merge") ? "storedKeyEqualsIncidental" : "storedKeyEquals";
            return new MethodVisitor(Opcodes.ASM9, visitor) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                        boolean isInterface) {
                    if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Object") && name.equals("equals")
                            && descriptor.equals("(Ljava/lang/Object;)Z")) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, equalsBridge,
                                "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                    } else if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/lang/Comparable")
                            && name.equals("compareTo") && descriptor.equals("(Ljava/lang/Object;)I")) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, "storedKeyCompare",
                                "(Ljava/lang/Object;Ljava/lang/Object;)I", false);
                    } else if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/util/Comparator")
                            && name.equals("compare") && descriptor.equals("(Ljava/lang/Object;Ljava/lang/Object;)I")) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, "storedKeyCompare",
                                "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)I", false);
                    } else {
                        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                    }
                }
            };
        }
    }
}
