package dev.guarded.agent.internal.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * Finds the innermost counted loops whose array checks can move out of the loop (BigFoot-style check placement):
 * instead of one check per element per iteration, one range check at the loop's exit covers every element the
 * loop touched. A loop qualifies only in the shape where that cannot change a verdict:
 * <ul>
 *   <li>a back edge ({@code GOTO} to an earlier position) that is the only jump to the loop's head, and nothing
 *       (no jump, switch or handler) leads into the loop's body: every iteration runs the body from its head;</li>
 *   <li>exactly one conditional branch in the loop, the loop's test, which leaves it; the test neither stores a
 *       local nor leaves values on the stack; no other control transfer;</li>
 *   <li>nothing in the loop may be, or run, a synchronization event: no call, monitor, allocation of an object,
 *       class-naming instruction, volatile field or another class's field (its first resolution may run a class
 *       loader). So every iteration runs in the epoch of the first, with the same locks held, and the detector's
 *       check of all the loop's accesses at its exit answers as the checks of each would have;</li>
 *   <li>one induction variable: a single {@code IINC} by +1 or -1 after the test, no other store to it;</li>
 *   <li>a moved access runs on every iteration (after the test, before the increment, with no branch in the
 *       body) and reads or writes {@code a[i]}, {@code a} a local the loop never stores, {@code i} the induction
 *       variable: the elements it touched are exactly {@code a[start .. exit)} (or {@code (exit .. start]}
 *       counting down). A conditional access keeps its own check: a range would name elements it never
 *       touched.</li>
 * </ul>
 * A loop left by an exception skips its range check: its accesses go unchecked, a missed race but never a false
 * one. Positions count instructions only (not labels), so they match between the recording (read without
 * debug information) and the rewriting pass.
 */
final class LoopRanges {

    private static final long UNKNOWN = SymbolicStack.UNKNOWN;
    /** Symbol of the induction variable's value before the increment. */
    private static final long INDUCTION = 1;
    /** Symbols of locals the loop never stores live above this ({@code LOCAL + slot}). */
    private static final long LOCAL = 2;

    /**
     * One loop whose array checks move to its exit.
     *
     * @param top       position of the loop's head (the back edge's target)
     * @param exit      position of the loop's test (the conditional branch that leaves it)
     * @param backEdge  position of the back edge
     * @param induction the induction variable's local
     * @param step      +1 or -1
     * @param checks    the moved accesses, in order
     */
    record Loop(int top, int exit, int backEdge, int induction, int step, List<RangeCheck> checks) {
    }

    /**
     * A moved access: its ordinal (as {@link CheckElimination} numbers accesses), its array's local, and whether
     * it writes.
     */
    record RangeCheck(int ordinal, int arrayLocal, boolean write) {
    }

    private final CheckElimination.Recorder method;
    private final List<CheckElimination.Step> steps;
    private final String currentClass;
    private final CheckElimination.Fields fields;
    private final BitSet leftOut;
    /** Per step: the position (instructions before it), and the access ordinal (-1 for no access). */
    private final int[] position;
    private final int[] ordinal;
    /** Per position: the first step there (its label, if any); per label: its position. */
    private final int[] firstStep;
    private final Map<Label, Integer> labelPosition = new HashMap<>();
    /** Per position: how many jumps go there, and whether a switch or an exception handler does. */
    private final int[] jumpsTo;
    private final Set<Integer> otherTargets = new HashSet<>();

    private LoopRanges(CheckElimination.Recorder method, String currentClass, CheckElimination.Fields fields,
            BitSet leftOut) {
        this.method = method;
        this.steps = method.steps();
        this.currentClass = currentClass;
        this.fields = fields;
        this.leftOut = leftOut;
        int n = steps.size();
        position = new int[n];
        ordinal = new int[n];
        int instructions = 0;
        for (CheckElimination.Step s : steps) {
            instructions += s.opcode() == CheckElimination.LABEL ? 0 : 1;
        }
        firstStep = new int[instructions + 1];
        java.util.Arrays.fill(firstStep, -1);
        jumpsTo = new int[instructions + 1];
        int pos = 0;
        int accesses = 0;
        for (int i = 0; i < n; i++) {
            CheckElimination.Step s = steps.get(i);
            position[i] = pos;
            ordinal[i] = -1;
            if (firstStep[pos] < 0) {
                firstStep[pos] = i;
            }
            if (s.opcode() == CheckElimination.LABEL) {
                Label label = (Label) s.first();
                labelPosition.put(label, pos);
                if (method.isSwitchOrHandlerTarget(label)) {
                    otherTargets.add(pos);
                }
                continue;
            }
            if (isAccess(s.opcode())) {
                ordinal[i] = accesses++;
            }
            pos++;
        }
        for (CheckElimination.Step s : steps) {
            if (isJump(s.opcode())) {
                jumpsTo[labelPosition.get((Label) s.first())]++;
            }
        }
    }

    /**
     * @param method       the method's recording
     * @param currentClass internal name of the class being rewritten
     * @param fields       whether a field access synchronizes
     * @param leftOut      accesses whose check is left out already (they stay left out)
     * @return the qualifying loops, by position
     */
    static List<Loop> find(CheckElimination.Recorder method, String currentClass, CheckElimination.Fields fields,
            BitSet leftOut) {
        if (method.hasSubroutines()) {
            return List.of();
        }
        LoopRanges ranges = new LoopRanges(method, currentClass, fields, leftOut);
        List<Loop> loops = new ArrayList<>();
        for (int i = 0; i < ranges.steps.size(); i++) {
            CheckElimination.Step s = ranges.steps.get(i);
            if (s.opcode() != Opcodes.GOTO) {
                continue;
            }
            int top = ranges.labelPosition.get((Label) s.first());
            if (top < ranges.position[i] && ranges.jumpsTo[top] == 1 && !ranges.otherTargets.contains(top)) {
                Loop loop = ranges.loop(top, i);
                if (loop != null) {
                    loops.add(loop);
                }
            }
        }
        return loops;
    }

    static boolean isAccess(int op) {
        return (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)
                || (op >= Opcodes.GETSTATIC && op <= Opcodes.PUTFIELD);
    }

    private static boolean isJump(int op) {
        return (op >= Opcodes.IFEQ && op <= Opcodes.JSR) || op == Opcodes.IFNULL || op == Opcodes.IFNONNULL;
    }

    private static boolean isConditional(int op) {
        return isJump(op) && op != Opcodes.GOTO && op != Opcodes.JSR;
    }

    /**
     * Checks the loop that the back edge at step {@code backEdge} to position {@code top} closes, step by step
     * with a symbolic operand stack.
     *
     * @return the loop, or null when it does not qualify (or moves no check)
     */
    private Loop loop(int top, int backEdge) {
        int first = firstStep[top];
        if (first > 0 && !fallsThrough(first)) {
            return null;   // the head is reached only by the back edge: no entry to record the start at
        }
        // The loop's locals: which it stores, and its one increment.
        Set<Integer> stored = new HashSet<>();
        int increment = -1;
        int induction = -1;
        int step = 0;
        int exit = -1;
        for (int i = first; i < backEdge; i++) {
            CheckElimination.Step s = steps.get(i);
            int op = s.opcode();
            if (op == CheckElimination.LABEL) {
                if (position[i] != top && method.isTarget((Label) s.first())) {
                    return null;   // another path enters the body
                }
            } else if (op == Opcodes.IINC) {
                if (increment >= 0) {
                    return null;
                }
                increment = i;
                induction = s.operand();
                step = s.first() instanceof Integer by ? by : 0;
                if (step != 1 && step != -1) {
                    return null;
                }
            } else if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                stored.add(s.operand());
                if (op == Opcodes.LSTORE || op == Opcodes.DSTORE) {
                    stored.add(s.operand() + 1);
                }
            } else if (isConditional(op)) {
                if (exit >= 0) {
                    return null;
                }
                int target = labelPosition.get((Label) s.first());
                if (target >= top && target <= position[backEdge]) {
                    return null;   // a branch inside the loop
                }
                exit = i;
            } else if (!allowed(s)) {
                return null;
            }
        }
        if (exit < 0 || increment < exit || stored.contains(induction)) {
            return null;
        }
        List<RangeCheck> checks = new ArrayList<>();
        SymbolicStack stack = new SymbolicStack();
        for (int i = first; i < increment; i++) {
            CheckElimination.Step s = steps.get(i);
            int op = s.opcode();
            if (op == CheckElimination.LABEL) {
                continue;
            }
            if (i < exit && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                return null;   // the test stores a local: the exit's locals would differ from the head's
            }
            simulate(stack, s, i > exit, induction, stored, checks, i);
            if (stack.underflowed() || (i == exit && stack.depth() != 0)) {
                return null;   // the loop uses values from before the head, or its test leaves some behind
            }
        }
        if (checks.isEmpty()) {
            return null;
        }
        return new Loop(top, position[exit], position[backEdge], induction, step, List.copyOf(checks));
    }

    /** @return whether the instruction before step {@code first} continues into it */
    private boolean fallsThrough(int first) {
        for (int i = first - 1; i >= 0; i--) {
            int op = steps.get(i).opcode();
            if (op == CheckElimination.LABEL) {
                continue;
            }
            return op != Opcodes.GOTO && op != Opcodes.ATHROW && op != Opcodes.TABLESWITCH
                    && op != Opcodes.LOOKUPSWITCH && op != Opcodes.RET
                    && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
        }
        return true;
    }

    /** @return whether the instruction can neither synchronize nor transfer control (the test aside) */
    private boolean allowed(CheckElimination.Step s) {
        int op = s.opcode();
        if (op >= Opcodes.GETSTATIC && op <= Opcodes.PUTFIELD) {
            boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
            return currentClass.equals(s.first())
                    && !fields.synchronizes((String) s.first(), (String) s.second(), isStatic);
        }
        if (op == Opcodes.LDC) {
            Object v = s.first();
            return v instanceof Integer || v instanceof Long || v instanceof Float || v instanceof Double
                    || v instanceof String;
        }
        return switch (op) {
            case Opcodes.NEW, Opcodes.ANEWARRAY, Opcodes.NEWARRAY, Opcodes.MULTIANEWARRAY, Opcodes.CHECKCAST,
                 Opcodes.INSTANCEOF, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.ATHROW, Opcodes.GOTO,
                 Opcodes.JSR, Opcodes.RET, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.INVOKEVIRTUAL,
                 Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC,
                 Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN,
                 Opcodes.RETURN -> false;
            default -> true;
        };
    }

    /**
     * Moves the symbolic stack over one instruction and collects the moved accesses.
     *
     * @param body whether the instruction is after the test (it runs once per iteration)
     */
    private void simulate(SymbolicStack stack, CheckElimination.Step s, boolean body, int induction,
            Set<Integer> stored, List<RangeCheck> checks, int index) {
        int op = s.opcode();
        switch (op) {
            case Opcodes.ILOAD -> stack.push(s.operand() == induction ? INDUCTION : UNKNOWN);
            case Opcodes.ALOAD -> stack.push(stored.contains(s.operand()) ? UNKNOWN : LOCAL + s.operand());
            case Opcodes.FLOAD, Opcodes.BIPUSH, Opcodes.SIPUSH, Opcodes.ACONST_NULL, Opcodes.ICONST_M1,
                 Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4,
                 Opcodes.ICONST_5, Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> stack.push(UNKNOWN);
            case Opcodes.LLOAD, Opcodes.DLOAD, Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0,
                 Opcodes.DCONST_1 -> stack.pushUnknown(2);
            case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE -> stack.pop(1);
            case Opcodes.LSTORE, Opcodes.DSTORE -> stack.pop(2);
            case Opcodes.LDC -> stack.pushUnknown(s.first() instanceof Long || s.first() instanceof Double ? 2 : 1);
            case Opcodes.GETSTATIC -> stack.pushUnknown(s.operand());
            case Opcodes.PUTSTATIC -> stack.pop(s.operand());
            case Opcodes.GETFIELD -> {
                stack.pop(1);
                stack.pushUnknown(s.operand());
            }
            case Opcodes.PUTFIELD -> stack.pop(s.operand() + 1);
            default -> {
                if (isConditional(op)) {
                    stack.pop(op == Opcodes.IFNULL || op == Opcodes.IFNONNULL || op <= Opcodes.IFLE ? 1 : 2);
                } else if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                    long element = stack.pop();
                    long array = stack.pop();
                    stack.pushUnknown(op == Opcodes.LALOAD || op == Opcodes.DALOAD ? 2 : 1);
                    collect(body, array, element, false, index, checks);
                } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                    stack.pop(op == Opcodes.LASTORE || op == Opcodes.DASTORE ? 2 : 1);
                    long element = stack.pop();
                    long array = stack.pop();
                    collect(body, array, element, true, index, checks);
                } else if (!stack.shuffle(op)) {
                    int[] effect = CheckElimination.arithmetic(op);
                    stack.pop(effect[0]);
                    stack.pushUnknown(effect[1]);
                }
            }
        }
    }

    private void collect(boolean body, long array, long index, boolean write, int step, List<RangeCheck> checks) {
        int access = ordinal[step];
        if (body && array >= LOCAL && index == INDUCTION && !leftOut.get(access)) {
            checks.add(new RangeCheck(access, (int) (array - LOCAL), write));
        }
    }
}
