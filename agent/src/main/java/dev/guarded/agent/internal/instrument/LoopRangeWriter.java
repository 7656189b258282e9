package dev.guarded.agent.internal.instrument;

import static dev.guarded.agent.internal.instrument.MethodContext.hook;
import static dev.guarded.agent.internal.instrument.MethodContext.push;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The rewriting half of {@link LoopRanges}, driven by {@link AccessVisitor} as it visits a method: at a
 * range-checked loop's head it keeps the induction variable's value in the start local and declares that local in
 * the head's frame; it sends the loop's test to a block it writes after the back edge, which makes one range check
 * per moved access and goes on to where the test went before; and it tells which accesses moved, keeping each one's
 * site for its range check.
 */
final class LoopRangeWriter {

    private static final String RANGE_CHECK = "(Ljava/lang/Object;IILdev/guarded/agent/hook/ThreadContext;I)V";

    private final MethodContext ctx;
    /** The loops whose array checks move to their exits, by position, and the next one not reached yet. */
    private final List<LoopRanges.Loop> loops;
    private int next;
    /** The loop being visited (from its head to its back edge), or null. */
    private LoopRanges.Loop loop;
    /** Whether the loop head's frame is still to come (it gets the start local). */
    private boolean framePending;
    /** The head's frame as written (with the context and start locals), for the range checks' block; or null. */
    private Object[] frameLocals;
    private Object[] frameStack;
    /** The block of range checks the loop's test now leaves to, and where the test left to before. */
    private Label checks;
    private Label exit;
    /** The site of each moved access of the loop, by ordinal, as seen at the access. */
    private final Map<Integer, Integer> sites = new HashMap<>();

    LoopRangeWriter(MethodContext ctx) {
        this.ctx = ctx;
        this.loops = ctx.loops();
    }

    /**
     * Before a label at {@code position}: at a range-checked loop's head, reached by falling through from before
     * the loop, stores the induction variable's value there, the first index the loop's moved accesses touch.
     */
    void beforeLabel(MethodVisitor mv, int position) {
        while (loop == null && next < loops.size() && loops.get(next).top() < position) {
            next++;   // a head this pass did not meet as a label: that loop keeps its checks
        }
        if (loop == null && next < loops.size() && loops.get(next).top() == position) {
            loop = loops.get(next++);
            framePending = true;
            frameLocals = null;
            frameStack = null;
            sites.clear();
            mv.visitVarInsn(Opcodes.ILOAD, loop.induction());
            mv.visitVarInsn(Opcodes.ISTORE, ctx.loopStartLocal());
        }
    }

    /**
     * A frame's locals, the context local last: at the loop's head, declares the start local after it (at the
     * first spill slot) and keeps the frame for the range checks' block.
     */
    void frame(List<Object> locals, Object[] stack, int numStack) {
        if (framePending) {
            framePending = false;
            locals.add(Opcodes.INTEGER);
            frameLocals = locals.toArray();
            frameStack = java.util.Arrays.copyOf(stack, numStack);
        }
    }

    /** @return the label the jump at {@code position} goes to: the range checks' block for the loop's test */
    Label jumpTarget(int position, Label label) {
        if (loop == null || position != loop.exit()) {
            return label;
        }
        framePending = false;
        exit = label;
        checks = new Label();
        return checks;
    }

    /**
     * After the jump at {@code position}: after the loop's back edge, the block its test now leaves to. The
     * block's frame is the head's: the test stores nothing and leaves the stack as the head had it.
     */
    void afterJump(MethodVisitor mv, int position) {
        if (loop == null || position != loop.backEdge()) {
            return;
        }
        mv.visitLabel(checks);
        if (frameLocals != null) {
            mv.visitFrame(Opcodes.F_NEW, frameLocals.length, frameLocals, frameStack.length, frameStack);
        }
        for (LoopRanges.RangeCheck check : loop.checks()) {
            mv.visitVarInsn(Opcodes.ALOAD, check.arrayLocal());
            if (loop.step() > 0) {
                mv.visitVarInsn(Opcodes.ILOAD, ctx.loopStartLocal());   // [start, exit)
                mv.visitVarInsn(Opcodes.ILOAD, loop.induction());
            } else {
                mv.visitVarInsn(Opcodes.ILOAD, loop.induction());       // (exit, start]
                mv.visitInsn(Opcodes.ICONST_1);
                mv.visitInsn(Opcodes.IADD);
                mv.visitVarInsn(Opcodes.ILOAD, ctx.loopStartLocal());
                mv.visitInsn(Opcodes.ICONST_1);
                mv.visitInsn(Opcodes.IADD);
            }
            mv.visitVarInsn(Opcodes.ALOAD, ctx.contextLocal);
            push(mv, sites.get(check.ordinal()));
            hook(mv, check.write() ? "elementRangeWrite" : "elementRangeRead", RANGE_CHECK);
        }
        mv.visitJumpInsn(Opcodes.GOTO, exit);
        loop = null;
    }

    /**
     * @return whether the access's check moves to the range check at the exit of the loop being visited; then its
     *     site is kept for that check
     */
    boolean moved(int ordinal, boolean write) {
        if (loop == null) {
            return false;
        }
        for (LoopRanges.RangeCheck check : loop.checks()) {
            if (check.ordinal() == ordinal) {
                sites.put(ordinal, write ? ctx.writeSite(ordinal) : ctx.site());
                CheckElimination.RANGED.incrementAndGet();
                return true;
            }
        }
        return false;
    }
}
