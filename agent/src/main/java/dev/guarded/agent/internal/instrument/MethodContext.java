package dev.guarded.agent.internal.instrument;

import java.util.HashMap;
import java.util.Map;

import dev.guarded.agent.internal.meta.Metadata;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Per-method state shared by the instrumenting visitors of one method: the current source line (sites are
 * registered lazily, one per line and method) and the first free local slot for spilling.
 */
final class MethodContext {

    static final String HOOKS = "dev/guarded/agent/hook/Hooks";
    static final String BRIDGES = "dev/guarded/agent/hook/Bridges";

    final ClassContext type;
    final String method;
    final int access;
    final String descriptor;
    final int firstFreeLocal;
    /**
     * The local holding the thread's {@code ThreadContext} for shadow-word accesses (the first slot past the
     * method's own locals, live from entry to exit), or -1 when the method accesses no field with words.
     */
    final int contextLocal;
    /** The first local that visitors may use for short-lived spills (never across a branch target). */
    final int spillBase;
    /**
     * The accesses (numbered in visit order, see {@link CheckElimination}) whose check is left out or covers a
     * read, or null to check every access as it is.
     */
    private final CheckElimination.Plan plan;
    private final Map<Integer, Integer> siteByLine = new HashMap<>();
    private int line = -1;

    MethodContext(ClassContext type, int access, String method, String descriptor, int firstFreeLocal,
            boolean needsContext, CheckElimination.Plan plan) {
        this.plan = plan;
        this.type = type;
        this.access = access;
        this.method = method;
        this.descriptor = descriptor;
        this.firstFreeLocal = firstFreeLocal;
        this.contextLocal = needsContext ? firstFreeLocal : -1;
        this.spillBase = needsContext ? firstFreeLocal + 1 : firstFreeLocal;
    }

    /**
     * Counts a checkable access for the {@code verbose} summary.
     *
     * @param ordinal the access's number in visit order
     * @return whether its check is needed (false: an earlier check in its region covers it)
     */
    boolean needsCheck(int ordinal) {
        if (plan != null && plan.leftOut().get(ordinal)) {
            CheckElimination.ELIMINATED.incrementAndGet();
            if (plan.confined().get(ordinal)) {
                CheckElimination.CONFINED.incrementAndGet();
            }
            return false;
        }
        CheckElimination.KEPT.incrementAndGet();
        return true;
    }

    /**
     * @return the loops whose array checks move to one range check at their exit ({@link LoopRanges}); none when
     *     the method has no context local, which the range checks need
     */
    java.util.List<LoopRanges.Loop> loops() {
        return plan == null || contextLocal < 0 ? java.util.List.of() : plan.loops();
    }

    /**
     * @return the local that holds a range-checked loop's first index: the first spill slot, free there, since a
     *     loop whose checks move contains no instruction that spills
     */
    int loopStartLocal() {
        return spillBase;
    }

    /**
     * @param ordinal a write's number in visit order
     * @return the site id to pass to the write's check: the current site, flagged {@link
     *     dev.guarded.agent.hook.Hooks#COVERS_READ} when the check also stands for the read before it
     */
    int writeSite(int ordinal) {
        int site = site();
        return plan != null && plan.coveringReads().get(ordinal) ? site | dev.guarded.agent.hook.Hooks.COVERS_READ
                : site;
    }

    void line(int line) {
        this.line = line;
    }

    /** @return the site id of the instruction being visited (class, method, file, current line) */
    int site() {
        return siteByLine.computeIfAbsent(line,
                l -> Metadata.global().site(type.dotName, method, type.sourceFile, l));
    }

    boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    /** Pushes an int constant with the shortest instruction. */
    static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** Emits {@code INVOKESTATIC Hooks.name(descriptor)}. */
    static void hook(MethodVisitor mv, String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
    }
}
