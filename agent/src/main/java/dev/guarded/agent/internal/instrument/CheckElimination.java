package dev.guarded.agent.internal.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the field and array-element accesses of a method whose check cannot change a verdict (RedCard and
 * BigFoot style, within one extended basic block): a later access to a location this thread already checked
 * in the same <em>region</em>. The location is the same field of the same object (the owner comes from the
 * same local variable, not stored to in between, or is a static field of the class being rewritten) or the
 * same array element (the same array local and the same index local or constant). Per location:
 * <ul>
 *   <li>a read after a read or a write, and a write after a write, need no check;</li>
 *   <li>a write after a read keeps its check (a read's epoch does not cover a write); instead, the read's own
 *       check is left out when no conditional branch lies between them ({@code value++}, {@code a[i] += x}:
 *       read-modify-write coalescing). The write's check, in the same epoch with the same locks, finds every
 *       race the read has (a race of the read with another thread's write is one of the write too) and records
 *       a write, which dominates the read for every later check; the report names the write's line. Only when
 *       an exception thrown between them skips the write does the read go unchecked: a missed race, never a
 *       false one.</li>
 * </ul>
 * A region ends at everything that may be, or may run, a synchronization event or may be reached with another
 * history: any call (including {@code invokedynamic}), MONITORENTER/EXIT, a volatile access, an access to a
 * static field of another class ({@code classUsed}, and its initialization may run), NEW, any instruction that
 * names a class not yet resolved on this straight line (its loading runs the class loader's code), a branch
 * target, an exception handler's entry, and the end of the straight line (GOTO, returns, ATHROW, switches,
 * JSR/RET). Conditional branches do not end it: their fall-through has no other predecessor.
 *
 * <p>Why it is sound (see agent/README-instrumentation.md): FastTrack's check of an access in the same epoch as
 * the location's last same-kind access by this thread is a no-op, and the epoch of a thread changes only at a
 * synchronization event, which the instrumented code reaches only through a hook that a call, a monitor or a
 * volatile access emits. Those end the region, so in a region every access runs in the epoch of its first one.
 *
 * <p>The analysis runs on a recording of the method made in the class's first pass ({@link Recorder}); its
 * result numbers accesses in visit order, every {@code GET/PUTFIELD}, {@code GET/PUTSTATIC} and array load or
 * store counting one, as {@link AccessVisitor} counts them in the second pass over the same class file.
 */
final class CheckElimination {

    /** Checks the instrumenter kept and left out in this JVM, for the {@code verbose} summary at exit. */
    static final AtomicLong KEPT = new AtomicLong();
    static final AtomicLong ELIMINATED = new AtomicLong();
    /** Of those left out, the accesses to arrays confined to one thread ({@link ConfinedArrays}). */
    static final AtomicLong CONFINED = new AtomicLong();
    /** Array accesses whose checks moved to a range check at their loop's exit ({@link LoopRanges}). */
    static final AtomicLong RANGED = new AtomicLong();

    static final int LABEL = -1;
    private static final long UNKNOWN = 0;
    /** Symbols of int constants live above every local-value symbol. */
    private static final long CONSTANT = 1L << 40;

    private CheckElimination() {
    }

    /** Prints how many access checks the instrumenter emitted and left out ({@code verbose}, at exit). */
    static void printSummary() {
        long kept = KEPT.get();
        long eliminated = ELIMINATED.get();
        System.err.printf("guarded: access checks: %d emitted, %d left out as redundant (%.1f%%), %d of them to arrays"
                + " confined to one thread, %d moved to range checks at loop exits%n", kept, eliminated,
                kept + eliminated == 0 ? 0.0 : 100.0 * eliminated / (kept + eliminated), CONFINED.get(), RANGED.get());
    }

    /**
     * One recorded instruction: its opcode (or {@link #LABEL}) and what the analyses need of its operands. For
     * a method call {@code first} is the owner, {@code second} the descriptor and {@code third} the name; for
     * {@code invokedynamic} {@code second} is the descriptor and {@code third} a {@link Dynamic}; for
     * {@code IINC} {@code operand} is the local and {@code first} the increment.
     */
    record Step(int opcode, int operand, Object first, Object second, Object third) {
    }

    /** An {@code invokedynamic}'s bootstrap method and static arguments. */
    record Dynamic(Handle bootstrap, Object[] arguments) {
    }

    /** The instructions of one method, recorded in the first pass, and the labels something jumps to. */
    static final class Recorder extends MethodVisitor {
        private final List<Step> steps = new ArrayList<>();
        private final Set<Label> targets = new HashSet<>();
        /** The targets of switches and exception handlers' entries (jumps' targets are in the steps). */
        private final Set<Label> otherTargets = new HashSet<>();
        private boolean subroutines;

        Recorder() {
            super(Opcodes.ASM9);
        }

        private void add(int opcode, int operand, Object first, Object second) {
            steps.add(new Step(opcode, operand, first, second, null));
        }

        /** @return the recorded instructions, in order */
        List<Step> steps() {
            return steps;
        }

        /** @return whether {@code label} is a jump target or an exception handler's entry */
        boolean isTarget(Label label) {
            return targets.contains(label);
        }

        /** @return whether a switch or an exception handler leads to {@code label} */
        boolean isSwitchOrHandlerTarget(Label label) {
            return otherTargets.contains(label);
        }

        /** @return whether the method uses JSR/RET (class files before Java 6) */
        boolean hasSubroutines() {
            return subroutines;
        }

        @Override
        public void visitInsn(int opcode) {
            add(opcode, 0, null, null);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            add(opcode, operand, null, null);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            subroutines |= opcode == Opcodes.RET;
            add(opcode, varIndex, null, null);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add(opcode, 0, type, null);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            add(opcode, Type.getType(descriptor).getSize(), owner, name);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            steps.add(new Step(opcode, 0, owner, descriptor, name));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            steps.add(new Step(Opcodes.INVOKEDYNAMIC, 0, null, descriptor, new Dynamic(bootstrap, arguments)));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            targets.add(label);
            subroutines |= opcode == Opcodes.JSR;
            add(opcode, 0, label, null);
        }

        @Override
        public void visitLabel(Label label) {
            add(LABEL, 0, label, null);
        }

        @Override
        public void visitLdcInsn(Object value) {
            add(Opcodes.LDC, 0, value, null);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            add(Opcodes.IINC, varIndex, increment, null);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            targets.add(dflt);
            targets.addAll(List.of(labels));
            otherTargets.add(dflt);
            otherTargets.addAll(List.of(labels));
            add(Opcodes.TABLESWITCH, 0, null, null);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            targets.add(dflt);
            targets.addAll(List.of(labels));
            otherTargets.add(dflt);
            otherTargets.addAll(List.of(labels));
            add(Opcodes.LOOKUPSWITCH, 0, null, null);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            add(Opcodes.MULTIANEWARRAY, numDimensions, descriptor, null);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            targets.add(handler);
            otherTargets.add(handler);
        }
    }

    /** @return slots popped and pushed by an arithmetic, conversion, comparison or length instruction */
    static int[] arithmetic(int op) {
        if (op >= Opcodes.IADD && op <= Opcodes.DREM) {
            boolean wide = (op - Opcodes.IADD) % 2 == 1;   // I L F D in turn
            return wide ? new int[] {4, 2} : new int[] {2, 1};
        }
        if (op >= Opcodes.INEG && op <= Opcodes.DNEG) {
            return (op - Opcodes.INEG) % 2 == 1 ? new int[] {2, 2} : new int[] {1, 1};
        }
        if (op >= Opcodes.ISHL && op <= Opcodes.LUSHR) {
            return (op - Opcodes.ISHL) % 2 == 1 ? new int[] {3, 2} : new int[] {2, 1};
        }
        if (op >= Opcodes.IAND && op <= Opcodes.LXOR) {
            return (op - Opcodes.IAND) % 2 == 1 ? new int[] {4, 2} : new int[] {2, 1};
        }
        return switch (op) {
            case Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D -> new int[] {1, 2};
            case Opcodes.L2I, Opcodes.L2F, Opcodes.D2I, Opcodes.D2F -> new int[] {2, 1};
            case Opcodes.L2D, Opcodes.D2L -> new int[] {2, 2};
            case Opcodes.I2F, Opcodes.F2I, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S, Opcodes.ARRAYLENGTH ->
                    new int[] {1, 1};
            case Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG -> new int[] {4, 1};
            case Opcodes.FCMPL, Opcodes.FCMPG -> new int[] {2, 1};
            default -> new int[] {0, 0};   // NOP
        };
    }

    /**
     * @param method       the recording of the method's first pass
     * @param currentClass internal name of the class being rewritten (resolved and initialized while its code runs)
     * @param fields       what the instrumenter does at each field instruction
     * @return the ordinals of the accesses whose check can be left out
     */
    static Plan redundant(Recorder method, String currentClass, Fields fields) {
        return new Analysis(method, currentClass, fields).run();
    }

    /**
     * What the analysis decided for a method's accesses, by ordinal.
     *
     * @param leftOut       accesses whose check is left out
     * @param coveringReads writes whose check covers a read before them whose check is left out (the detector's
     *                      stale-write log must still see that read: the write is not a write-back of an older one)
     * @param confined      accesses left out because their array is confined to the thread ({@link ConfinedArrays})
     * @param loops         loops whose array checks move to one range check at their exit ({@link LoopRanges});
     *                      their moved accesses are not in {@code leftOut}: a method without the thread context
     *                      local cannot emit range checks and keeps them
     */
    record Plan(BitSet leftOut, BitSet coveringReads, BitSet confined, List<LoopRanges.Loop> loops) {

        /** @return this plan, also leaving out the accesses to confined arrays */
        Plan withConfined(BitSet confinedAccesses) {
            BitSet all = (BitSet) leftOut.clone();
            all.or(confinedAccesses);
            return new Plan(all, coveringReads, confinedAccesses, loops);
        }

        /** @return this plan with the loops of {@code method} whose checks move to their exits */
        Plan withLoops(Recorder method, String currentClass, Fields fields) {
            return new Plan(leftOut, coveringReads, confined, LoopRanges.find(method, currentClass, fields, leftOut));
        }
    }

    /** What resolving a field tells: whether the instrumented access is itself a synchronization event. */
    @FunctionalInterface
    interface Fields {
        /**
         * @return whether the access to {@code owner.name} is (or comes with) a synchronization event: a volatile
         *     field, or a static field declared in another class (its class initialization is acquired)
         */
        boolean synchronizes(String owner, String name, boolean isStatic);
    }

    /** A linear pass over the recording with a symbolic operand stack (one entry per slot). */
    private static final class Analysis {
        private final Recorder method;
        private final String currentClass;
        private final Fields fields;
        private final BitSet redundant = new BitSet();
        private final BitSet covering = new BitSet();
        /** Per location, its kept read that a write reached without a conditional branch would make redundant. */
        private final Map<String, Integer> pendingReads = new HashMap<>();
        /** Per checked location of the region: true once it was written, false when only read. */
        private final Map<String, Boolean> checked = new HashMap<>();
        /** Classes resolved on this straight line: naming them again loads nothing. */
        private final Set<String> resolved = new HashSet<>();
        private final Map<Integer, Long> locals = new HashMap<>();
        private final SymbolicStack stack = new SymbolicStack();
        private long nextSymbol = 1;
        private int ordinal;

        Analysis(Recorder method, String currentClass, Fields fields) {
            this.method = method;
            this.currentClass = currentClass;
            this.fields = fields;
            resolved.add(currentClass);
        }

        Plan run() {
            for (Step s : method.steps) {
                step(s);
            }
            return new Plan(redundant, covering, new BitSet(), List.of());
        }

        private void step(Step s) {
            int op = s.opcode();
            switch (op) {
                case LABEL -> {
                    if (method.targets.contains((Label) s.first())) {
                        straightLineEnds();
                    }
                }
                case Opcodes.BIPUSH, Opcodes.SIPUSH -> push(CONSTANT + s.operand());
                case Opcodes.NEWARRAY -> {
                    pop(1);
                    push(UNKNOWN);
                }
                case Opcodes.ILOAD, Opcodes.FLOAD, Opcodes.ALOAD -> push(local(s.operand()));
                case Opcodes.LLOAD, Opcodes.DLOAD -> push(UNKNOWN, UNKNOWN);
                case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE -> {
                    pop(1);
                    locals.remove(s.operand());
                }
                case Opcodes.LSTORE, Opcodes.DSTORE -> {
                    pop(2);
                    locals.remove(s.operand());
                    locals.remove(s.operand() + 1);
                }
                case Opcodes.IINC -> locals.remove(s.operand());
                case Opcodes.RET -> straightLineEnds();
                case Opcodes.NEW -> {
                    regionEnds();   // may initialize the class, running its static initializer
                    resolved.add((String) s.first());
                    push(UNKNOWN);
                }
                case Opcodes.ANEWARRAY -> {
                    names((String) s.first());
                    pop(1);
                    push(UNKNOWN);
                }
                case Opcodes.CHECKCAST -> {
                    names((String) s.first());
                    push(pop());    // the same reference
                }
                case Opcodes.INSTANCEOF -> {
                    names((String) s.first());
                    pop(1);
                    push(UNKNOWN);
                }
                case Opcodes.MULTIANEWARRAY -> {
                    names((String) s.first());
                    pop(s.operand());
                    push(UNKNOWN);
                }
                case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> field(s);
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE,
                     Opcodes.INVOKEDYNAMIC -> {
                    regionEnds();
                    int sizes = Type.getArgumentsAndReturnSizes((String) s.second());
                    pop((sizes >> 2) - 1 + (op == Opcodes.INVOKESTATIC || op == Opcodes.INVOKEDYNAMIC ? 0 : 1));
                    pushUnknown(sizes & 3);
                    if (s.first() != null) {
                        resolved.add((String) s.first());
                    }
                }
                case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE,
                     Opcodes.IFNULL, Opcodes.IFNONNULL -> {
                    pop(1);
                    pendingReads.clear();   // the write after it may not run: keep the reads' checks
                }
                case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                     Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                    pop(2);
                    pendingReads.clear();
                }
                case Opcodes.GOTO, Opcodes.JSR, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH -> straightLineEnds();
                case Opcodes.LDC -> ldc(s.first());
                default -> insn(op);
            }
        }

        private void ldc(Object value) {
            if (value instanceof Integer i) {
                push(CONSTANT + i);
            } else if (value instanceof Long || value instanceof Double) {
                push(UNKNOWN, UNKNOWN);
            } else if (value instanceof String || value instanceof Float) {
                push(UNKNOWN);
            } else {
                // a class, method type, method handle or dynamic constant: resolving it may load classes or
                // run a bootstrap method
                if (!(value instanceof Type t && t.getSort() == Type.OBJECT && resolved.contains(t.getInternalName()))) {
                    regionEnds();
                }
                pushUnknown(value instanceof ConstantDynamic c ? Type.getType(c.getDescriptor()).getSize() : 1);
            }
        }

        private void field(Step s) {
            int op = s.opcode();
            String owner = (String) s.first();
            String name = (String) s.second();
            int size = s.operand();
            boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
            if (op == Opcodes.PUTSTATIC || op == Opcodes.PUTFIELD) {
                pop(size);
            }
            long object = isStatic ? UNKNOWN : pop();
            int access = ordinal++;
            if ((isStatic && !owner.equals(currentClass)) || fields.synchronizes(owner, name, isStatic)) {
                // another class's static (initialization, classUsed) or a volatile (an acquire or a release):
                // the access's own check stays, and nothing before it covers what follows
                regionEnds();
                resolved.add(owner);
            } else {
                names(owner);
                String key = isStatic ? owner + '.' + name
                        : object != UNKNOWN && object < CONSTANT ? owner + '.' + name + '@' + object : null;
                visit(key, op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC, access);
            }
            if (op == Opcodes.GETSTATIC || op == Opcodes.GETFIELD) {
                pushUnknown(size);
            }
        }

        private void arrayAccess(boolean write, int valueSize, int resultSize) {
            pop(valueSize);
            long index = pop();
            long array = pop();
            String key = array != UNKNOWN && array < CONSTANT && index != UNKNOWN ? "[" + array + ',' + index : null;
            visit(key, write, ordinal++);
            pushUnknown(resultSize);
        }

        /** Records a check of {@code key} (null: an unknown location), or marks it redundant. */
        private void visit(String key, boolean write, int access) {
            if (key == null) {
                return;
            }
            Boolean written = checked.get(key);
            if (written != null && (written || !write)) {
                redundant.set(access);
                return;
            }
            checked.put(key, write);
            if (!write) {
                pendingReads.put(key, access);
            } else {
                Integer read = pendingReads.remove(key);
                if (read != null) {
                    redundant.set(read);   // this write's check covers the read before it
                    covering.set(access);
                }
            }
        }

        /** An instruction naming {@code type}: its first resolution on this straight line may run a class loader. */
        private void names(String type) {
            String element = type.startsWith("[") ? Type.getType(type).getElementType().getInternalName() : type;
            if (type.startsWith("[") && Type.getType(type).getElementType().getSort() != Type.OBJECT) {
                return;
            }
            if (resolved.add(element)) {
                regionEnds();
            }
        }

        private void insn(int op) {
            switch (op) {
                case Opcodes.ACONST_NULL, Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> push(UNKNOWN);
                case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                     Opcodes.ICONST_4, Opcodes.ICONST_5 -> push(CONSTANT + op - Opcodes.ICONST_0);
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> push(UNKNOWN, UNKNOWN);
                case Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD ->
                        arrayAccess(false, 0, 1);
                case Opcodes.LALOAD, Opcodes.DALOAD -> arrayAccess(false, 0, 2);
                case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                     Opcodes.SASTORE -> arrayAccess(true, 1, 0);
                case Opcodes.LASTORE, Opcodes.DASTORE -> arrayAccess(true, 2, 0);
                case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> {
                    regionEnds();
                    pop(1);
                }
                case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN,
                     Opcodes.RETURN, Opcodes.ATHROW -> straightLineEnds();
                default -> {
                    if (!stack.shuffle(op)) {
                        int[] effect = arithmetic(op);
                        pop(effect[0]);
                        pushUnknown(effect[1]);
                    }
                }
            }
        }

        /** A synchronization event may happen here: no earlier check covers a later access. */
        private void regionEnds() {
            checked.clear();
            pendingReads.clear();
        }

        /** Control may arrive here from elsewhere (or not at all): nothing known before holds. */
        private void straightLineEnds() {
            checked.clear();
            pendingReads.clear();
            resolved.clear();
            resolved.add(currentClass);
            stack.clear();
        }

        private long local(int slot) {
            return locals.computeIfAbsent(slot, s -> nextSymbol++);
        }

        // Below what this straight line pushed lie values from elsewhere: unknown (the stack's underflow is
        // of no concern here, an unknown location is simply not tracked).
        private long pop() {
            return stack.pop();
        }

        private void pop(int slots) {
            stack.pop(slots);
        }

        private void push(long value) {
            stack.push(value);
        }

        private void push(long first, long second) {
            stack.push(first);
            stack.push(second);
        }

        private void pushUnknown(int slots) {
            stack.pushUnknown(slots);
        }
    }
}
