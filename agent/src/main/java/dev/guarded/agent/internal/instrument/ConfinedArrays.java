package dev.guarded.agent.internal.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the array-element accesses no other thread can make, whose checks therefore cannot find a race: accesses
 * to an array that the running invocation allocated itself and that never becomes reachable from anywhere but
 * <ul>
 *   <li>local variables of that invocation that only ever hold arrays it allocated,</li>
 *   <li>array parameters of JDK methods that only read or fill the array while they run and keep no reference
 *       to it ({@code String.format}, {@code Objects.hash}, {@code new String(char[])}, {@code Arrays.sort},
 *       {@code System.arraycopy}, ...: {@link #BORROWING_CALLS}), and</li>
 *   <li>parameters of a class's own lambda bodies (private synthetic methods that only its lambda captures
 *       name), when the lambda object goes straight to a JDK method whose contract runs the callback once
 *       and returns its result ({@code Map.compute}, {@code computeIfAbsent}, {@code computeIfPresent},
 *       {@code merge}; {@code Optional}'s mapping methods): the callback has finished, ordered with the
 *       caller, before the caller's next instruction.</li>
 * </ul>
 * That is the one-element "cell" idiom libraries use to get results out of a compute lambda
 * ({@code Object[] old = new Object[1]; map.compute(k, (key, v) -> { old[0] = v; ... })}): Caffeine allocates
 * three to five per eviction and load; and varargs arrays filled for a formatting or hashing call
 * ({@code Objects.hash(a, b)} in a {@code hashCode}). Checked, each costs a shadow, a weak-table entry and a
 * reference the collector processes, for an array only its own thread ever touches.
 *
 * <p>The analysis is deliberately small and conservative: per method, a symbolic operand stack over one
 * straight line at a time (as {@link CheckElimination}); a reference that goes anywhere it cannot follow (a call
 * argument, a field, another array, another local, a return, a branch that carries it on the stack, a
 * lambda that goes anywhere but such a JDK call) makes its array an escaped one, and an escaped array's
 * accesses keep their checks. Across methods, a greatest fixpoint: a cell stays confined while every lambda
 * body it is captured by keeps the parameter confined, and a body's parameter stays confined while every capture
 * site passes it a confined cell. A class file that calls its own lambda body directly, or hands its handle
 * to anything but the lambda metafactory, keeps every check in that body.
 */
final class ConfinedArrays {

    /** JDK types whose compute-style methods run the function in the caller before returning its result. */
    private static final Set<String> MAPS = Set.of("java/util/Map", "java/util/concurrent/ConcurrentMap",
            "java/util/SortedMap", "java/util/NavigableMap", "java/util/concurrent/ConcurrentNavigableMap",
            "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/Hashtable",
            "java/util/IdentityHashMap", "java/util/WeakHashMap", "java/util/EnumMap",
            "java/util/concurrent/ConcurrentHashMap", "java/util/concurrent/ConcurrentSkipListMap");
    private static final Set<String> MAP_METHODS = Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge");
    private static final Set<String> OPTIONAL_METHODS = Set.of("map", "flatMap", "filter", "ifPresent", "orElseGet",
            "or");
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    /**
     * JDK methods ({@code owner.name}) that read or fill an array argument in the caller and keep no reference to
     * it: formatting and hashing varargs, copies, string construction, {@code Arrays} utilities, reflective calls
     * (which pass the elements, not the array, to the method they call). Only their
     * array-typed parameters (and {@code System.arraycopy}'s two arrays) count; the JDK's own accesses are not
     * checked anyway, so the array stays the caller's alone.
     */
    private static final Set<String> BORROWING_CALLS = Set.of("java/lang/String.format", "java/lang/String.formatted",
            "java/lang/String.join", "java/lang/String.valueOf", "java/lang/String.copyValueOf",
            "java/lang/String.<init>", "java/lang/StringBuilder.append", "java/lang/StringBuilder.insert",
            "java/lang/System.arraycopy", "java/util/Objects.hash", "java/util/Arrays.hashCode",
            "java/util/Arrays.equals", "java/util/Arrays.toString", "java/util/Arrays.deepToString",
            "java/util/Arrays.deepHashCode", "java/util/Arrays.deepEquals", "java/util/Arrays.fill",
            "java/util/Arrays.sort", "java/util/Arrays.binarySearch", "java/util/Arrays.copyOf",
            "java/util/Arrays.copyOfRange", "java/util/Arrays.mismatch", "java/util/Arrays.compare",
            "java/util/List.of", "java/util/Set.of", "java/util/EnumSet.of", "java/io/PrintStream.printf",
            "java/io/PrintStream.format", "java/text/MessageFormat.format", "java/lang/reflect/Method.invoke",
            "java/lang/reflect/Constructor.newInstance");

    private ConfinedArrays() {
    }

    /**
     * @param shape the class being transformed, with its method bodies recorded
     * @return per method ({@code name + descriptor}), the ordinals (see {@link CheckElimination}) of its accesses
     *     to confined arrays; methods without any are absent
     */
    static Map<String, BitSet> find(ClassShape shape) {
        Map<String, Integer> access = new HashMap<>();
        for (ClassShape.Member m : shape.methods) {
            access.put(m.name() + m.descriptor(), m.access());
        }
        Map<String, MethodScan> scans = new HashMap<>();
        for (Map.Entry<String, CheckElimination.Recorder> e : shape.bodies.entrySet()) {
            Integer flags = access.get(e.getKey());
            if (flags != null && !e.getValue().hasSubroutines()) {
                MethodScan scan = new MethodScan(shape.name, e.getKey(), (flags & Opcodes.ACC_STATIC) != 0);
                scan.run(e.getValue());
                scans.put(e.getKey(), scan);
            }
        }
        return new ClassFixpoint(scans, access).solve();
    }

    /** A location that may hold a confined array: a local variable slot of one method. */
    private record Slot(String method, int slot) {
    }

    /** One lambda capture: which body it names, what each captured value is and which body slot receives it. */
    private static final class Lambda {
        final String body;
        final long[] captured;
        /** Per captured value, the body's local slot that receives it (an instance body's receiver is value 0). */
        final int[] slots;
        boolean escaped;

        Lambda(String body, boolean staticBody, long[] captured) {
            this.body = body;
            this.captured = captured;
            this.slots = new int[captured.length];
            Type[] params = Type.getArgumentTypes(body.substring(body.indexOf('(')));
            int slot = 0;
            for (int i = 0; i < captured.length; i++) {
                slots[i] = slot;
                slot += !staticBody && i == 0 ? 1 : params[staticBody ? i : i - 1].getSize();
            }
        }
    }

    /** What one method does with the arrays it allocates and the parameters it receives. */
    private static final class MethodScan {
        // Symbolic values: the kind in the high word, a slot, allocation or lambda number in the low word.
        private static final long OTHER = 0;
        private static final long CELL = 1L << 32;     // loaded from a local slot
        private static final long FRESH = 2L << 32;    // an array allocated here, not yet stored
        private static final long LAMBDA = 3L << 32;   // a lambda object this method captured
        private static final long KIND = -1L << 32;

        final String owner;
        final String key;
        final int argumentSlots;
        final Map<Integer, BitSet> accesses = new HashMap<>();
        /** Accesses straight on a fresh array, before or instead of a store to a local (initializers, varargs). */
        final Map<Integer, BitSet> allocationAccesses = new HashMap<>();
        final Set<Integer> freshStored = new HashSet<>();
        final Set<Integer> spoiled = new HashSet<>();
        final List<Set<Integer>> allocationSlots = new ArrayList<>();
        final BitSet escapedAllocations = new BitSet();
        final List<Lambda> lambdas = new ArrayList<>();
        /** Methods of this class this method names other than as a lambda body. */
        final Set<String> namedDirectly = new HashSet<>();
        private long[] stack = new long[16];
        private int depth;
        private int ordinal;

        MethodScan(String owner, String key, boolean isStatic) {
            this.owner = owner;
            this.key = key;
            this.argumentSlots = (Type.getArgumentsAndReturnSizes(key.substring(key.indexOf('('))) >> 2)
                    - (isStatic ? 1 : 0);
        }

        void run(CheckElimination.Recorder body) {
            for (CheckElimination.Step s : body.steps()) {
                if (s.opcode() == CheckElimination.LABEL) {
                    if (body.isTarget((Label) s.first())) {
                        escapeStack();   // another path may arrive with other values
                        depth = 0;
                    }
                } else {
                    step(s);
                }
            }
            escapeStack();
        }

        /** @return whether the local slot only ever holds arrays this invocation allocated that did not escape */
        boolean confinedLocal(int slot) {
            if (slot < argumentSlots || !freshStored.contains(slot) || spoiled.contains(slot)) {
                return false;
            }
            for (int a = 0; a < allocationSlots.size(); a++) {
                if (allocationSlots.get(a).contains(slot) && escapedAllocations.get(a)) {
                    return false;
                }
            }
            return true;
        }

        /** @return whether a parameter slot is never stored to and its value goes nowhere but element accesses */
        boolean confinedParameter(int slot) {
            return slot < argumentSlots && !spoiled.contains(slot) && !freshStored.contains(slot);
        }

        private void escape(long value) {
            long kind = value & KIND;
            int id = (int) value;
            if (kind == CELL) {
                spoiled.add(id);
            } else if (kind == FRESH) {
                escapedAllocations.set(id);
            } else if (kind == LAMBDA) {
                lambdas.get(id).escaped = true;
            }
        }

        private void escapeStack() {
            for (int i = 0; i < depth; i++) {
                escape(stack[i]);
            }
        }

        private void step(CheckElimination.Step s) {
            int op = s.opcode();
            switch (op) {
                case Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> {
                    pop();
                    push(FRESH | allocationSlots.size());
                    allocationSlots.add(new HashSet<>());
                }
                case Opcodes.ALOAD -> push(CELL | s.operand());
                case Opcodes.ILOAD, Opcodes.FLOAD -> push(OTHER);
                case Opcodes.LLOAD, Opcodes.DLOAD -> pushOther(2);
                case Opcodes.ASTORE -> store(s.operand(), pop());
                case Opcodes.ISTORE, Opcodes.FSTORE -> {
                    pop();
                    spoiled.add(s.operand());
                }
                case Opcodes.LSTORE, Opcodes.DSTORE -> {
                    popEscaping(2);
                    spoiled.add(s.operand());
                    spoiled.add(s.operand() + 1);
                }
                case Opcodes.IINC -> spoiled.add(s.operand());
                case Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD,
                     Opcodes.SALOAD -> element(0, 1);
                case Opcodes.LALOAD, Opcodes.DALOAD -> element(0, 2);
                case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                     Opcodes.SASTORE -> element(1, 0);
                case Opcodes.LASTORE, Opcodes.DASTORE -> element(2, 0);
                case Opcodes.ARRAYLENGTH, Opcodes.INSTANCEOF -> {
                    pop();   // reads the reference, keeps nothing
                    push(OTHER);
                }
                case Opcodes.CHECKCAST -> push(pop());
                case Opcodes.POP -> pop();
                case Opcodes.POP2 -> {
                    pop();
                    pop();
                }
                case Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE,
                     Opcodes.IFGT, Opcodes.IFLE -> {
                    pop();
                    escapeStack();   // what stays on the stack reaches the target, where it is not followed
                }
                case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT,
                     Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT, Opcodes.IF_ICMPLE -> {
                    pop();
                    pop();
                    escapeStack();
                }
                case Opcodes.GOTO, Opcodes.JSR, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.ATHROW,
                     Opcodes.ARETURN -> {
                    escapeStack();
                    depth = 0;
                }
                case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.RETURN,
                     Opcodes.RET -> depth = 0;
                case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> field(s);
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
                        call(s);
                case Opcodes.INVOKEDYNAMIC -> dynamic(s);
                case Opcodes.LDC -> ldc(s.first());
                case Opcodes.MULTIANEWARRAY -> {
                    popEscaping(s.operand());
                    push(OTHER);
                }
                case Opcodes.BIPUSH, Opcodes.SIPUSH, Opcodes.NEW, Opcodes.ACONST_NULL, Opcodes.ICONST_M1,
                     Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4,
                     Opcodes.ICONST_5, Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> push(OTHER);
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> pushOther(2);
                case Opcodes.DUP -> permute(1, 0, 0);
                case Opcodes.DUP_X1 -> permute(2, 0, 1, 0);
                case Opcodes.DUP_X2 -> permute(3, 0, 2, 1, 0);
                case Opcodes.DUP2 -> permute(2, 1, 0, 1, 0);
                case Opcodes.DUP2_X1 -> permute(3, 1, 0, 2, 1, 0);
                case Opcodes.DUP2_X2 -> permute(4, 1, 0, 3, 2, 1, 0);
                case Opcodes.SWAP -> permute(2, 0, 1);
                case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> popEscaping(1);
                default -> {
                    int[] effect = CheckElimination.arithmetic(op);
                    popEscaping(effect[0]);
                    pushOther(effect[1]);
                }
            }
        }

        private void store(int slot, long value) {
            if ((value & KIND) == FRESH) {
                freshStored.add(slot);
                allocationSlots.get((int) value).add(slot);
            } else {
                spoiled.add(slot);
                escape(value);   // a copy into another variable is not followed
            }
        }

        private void element(int valueSlots, int resultSlots) {
            popEscaping(valueSlots);   // an array stored into another array escapes
            pop();                     // the index
            long array = pop();
            if ((array & KIND) == CELL) {
                accesses.computeIfAbsent((int) array, k -> new BitSet()).set(ordinal);
            } else if ((array & KIND) == FRESH) {
                allocationAccesses.computeIfAbsent((int) array, k -> new BitSet()).set(ordinal);
            }
            ordinal++;
            pushOther(resultSlots);
        }

        private void field(CheckElimination.Step s) {
            int op = s.opcode();
            if (op == Opcodes.PUTSTATIC || op == Opcodes.PUTFIELD) {
                popEscaping(s.operand());
            }
            if (op == Opcodes.GETFIELD || op == Opcodes.PUTFIELD) {
                popEscaping(1);
            }
            ordinal++;
            if (op == Opcodes.GETSTATIC || op == Opcodes.GETFIELD) {
                pushOther(s.operand());
            }
        }

        private void call(CheckElimination.Step s) {
            String callOwner = (String) s.first();
            String descriptor = (String) s.second();
            String name = (String) s.third();
            if (callOwner.equals(owner)) {
                namedDirectly.add(name + descriptor);
            }
            Type[] params = Type.getArgumentTypes(descriptor);
            boolean runsCallbackFirst = runsCallbackBeforeReturning(callOwner, name);
            boolean borrows = BORROWING_CALLS.contains(callOwner + '.' + name);
            boolean arraycopy = borrows && name.equals("arraycopy");
            for (int i = params.length - 1; i >= 0; i--) {
                if (params[i].getSize() == 2) {
                    popEscaping(2);
                    continue;
                }
                long value = pop();
                boolean callback = runsCallbackFirst && params[i].getSort() == Type.OBJECT
                        && params[i].getInternalName().startsWith("java/util/function/");
                boolean borrowed = borrows && (params[i].getSort() == Type.ARRAY || (arraycopy && i % 2 == 0));
                if (!(callback && (value & KIND) == LAMBDA)
                        && !(borrowed && ((value & KIND) == CELL || (value & KIND) == FRESH))) {
                    escape(value);
                }
            }
            if (s.opcode() != Opcodes.INVOKESTATIC) {
                escape(pop());
            }
            pushOther(Type.getReturnType(descriptor).getSize());
        }

        private void dynamic(CheckElimination.Step s) {
            String descriptor = (String) s.second();
            CheckElimination.Dynamic indy = (CheckElimination.Dynamic) s.third();
            Type[] params = Type.getArgumentTypes(descriptor);
            long[] captured = new long[params.length];
            for (int i = params.length - 1; i >= 0; i--) {
                captured[i] = params[i].getSize() == 2 ? popTwo() : pop();
            }
            Handle body = lambdaBody(indy);   // null: not a lambda of this class, or a constructor reference
            if (body != null) {
                for (long value : captured) {
                    if ((value & KIND) != CELL) {
                        escape(value);   // only locals are followed into lambda bodies
                    }
                }
                push(LAMBDA | lambdas.size());
                lambdas.add(new Lambda(body.getName() + body.getDesc(), body.getTag() == Opcodes.H_INVOKESTATIC,
                        captured));
                return;
            }
            for (long value : captured) {
                escape(value);
            }
            nameHandles(indy.bootstrap());
            for (Object argument : indy.arguments()) {
                nameHandles(argument);
            }
            pushOther(Type.getReturnType(descriptor).getSize());
        }

        /** @return the lambda body, when {@code indy} is a metafactory call whose body is a method of this class */
        private Handle lambdaBody(CheckElimination.Dynamic indy) {
            Handle bootstrap = indy.bootstrap();
            Object[] args = indy.arguments();
            if (!bootstrap.getOwner().equals(METAFACTORY) || args.length < 3 || !(args[1] instanceof Handle body)
                    || !body.getOwner().equals(owner) || body.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                return null;
            }
            for (int i = 0; i < args.length; i++) {
                if (i != 1) {
                    nameHandles(args[i]);
                }
            }
            return body;
        }

        private void ldc(Object value) {
            nameHandles(value);
            pushOther(value instanceof Long || value instanceof Double ? 2
                    : value instanceof ConstantDynamic c ? Type.getType(c.getDescriptor()).getSize() : 1);
        }

        /** Notes every method of this class a constant names: it may be called from anywhere. */
        private void nameHandles(Object constant) {
            if (constant instanceof Handle h) {
                if (h.getOwner().equals(owner)) {
                    namedDirectly.add(h.getName() + h.getDesc());
                }
            } else if (constant instanceof ConstantDynamic c) {
                nameHandles(c.getBootstrapMethod());
                for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                    nameHandles(c.getBootstrapMethodArgument(i));
                }
            }
        }

        private long pop() {
            return depth == 0 ? OTHER : stack[--depth];
        }

        private long popTwo() {
            pop();
            return pop();
        }

        private void popEscaping(int slots) {
            for (int i = 0; i < slots; i++) {
                escape(pop());
            }
        }

        private void push(long value) {
            if (depth == stack.length) {
                stack = java.util.Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = value;
        }

        private void pushOther(int slots) {
            for (int i = 0; i < slots; i++) {
                push(OTHER);
            }
        }

        /**
         * Applies a DUP/SWAP-family instruction: pops {@code taken} slots ({@code 0} names the topmost) and pushes
         * them back in {@code order}, bottom first.
         */
        private void permute(int taken, int... order) {
            long[] top = new long[taken];
            for (int i = 0; i < taken; i++) {
                top[i] = pop();   // top[0] is the topmost slot
            }
            for (int i : order) {
                push(top[i]);
            }
        }
    }

    /** Joins the methods' scans: which locals and lambda parameters hold only confined arrays. */
    private static final class ClassFixpoint {
        private final Map<String, MethodScan> scans;
        private final Map<String, Integer> access;

        ClassFixpoint(Map<String, MethodScan> scans, Map<String, Integer> access) {
            this.scans = scans;
            this.access = access;
        }

        Map<String, BitSet> solve() {
            Set<String> namedDirectly = new HashSet<>();
            Map<String, List<Lambda>> capturesOf = new HashMap<>();
            Map<Lambda, String> captor = new HashMap<>();
            for (MethodScan scan : scans.values()) {
                namedDirectly.addAll(scan.namedDirectly);
                for (Lambda l : scan.lambdas) {
                    capturesOf.computeIfAbsent(l.body, k -> new ArrayList<>()).add(l);
                    captor.put(l, scan.key);
                }
            }
            Set<Slot> confined = new HashSet<>();
            for (MethodScan scan : scans.values()) {
                Set<Integer> slots = new HashSet<>(scan.accesses.keySet());
                slots.addAll(scan.freshStored);
                for (int slot : slots) {
                    if (scan.confinedLocal(slot)) {
                        confined.add(new Slot(scan.key, slot));
                    }
                }
                if (onlyALambdaBody(scan.key, namedDirectly, capturesOf)) {
                    for (int slot = 0; slot < scan.argumentSlots; slot++) {
                        if (scan.confinedParameter(slot)) {
                            confined.add(new Slot(scan.key, slot));
                        }
                    }
                }
            }
            boolean changed = true;
            while (changed) {
                changed = confined.removeIf(s -> !stillConfined(s, confined, capturesOf, captor));
            }
            Map<String, BitSet> result = new HashMap<>();
            for (MethodScan scan : scans.values()) {
                for (Map.Entry<Integer, BitSet> a : scan.allocationAccesses.entrySet()) {
                    if (allocationConfined(scan, a.getKey(), confined)) {
                        result.computeIfAbsent(scan.key, k -> new BitSet()).or(a.getValue());
                    }
                }
            }
            for (Slot s : confined) {
                BitSet accesses = scans.get(s.method()).accesses.get(s.slot());
                if (accesses != null) {
                    result.computeIfAbsent(s.method(), k -> new BitSet()).or(accesses);
                }
            }
            return result;
        }

        /** @return whether a fresh array went nowhere but to confined locals and borrowing JDK calls */
        private static boolean allocationConfined(MethodScan scan, int allocation, Set<Slot> confined) {
            if (scan.escapedAllocations.get(allocation)) {
                return false;
            }
            for (int slot : scan.allocationSlots.get(allocation)) {
                if (!confined.contains(new Slot(scan.key, slot))) {
                    return false;
                }
            }
            return true;
        }

        /** @return whether the method is a private synthetic lambda body named only by lambdas that stay put */
        private boolean onlyALambdaBody(String method, Set<String> namedDirectly,
                Map<String, List<Lambda>> capturesOf) {
            int flags = access.getOrDefault(method, 0);
            int needed = Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
            if ((flags & needed) != needed || namedDirectly.contains(method) || !capturesOf.containsKey(method)) {
                return false;
            }
            for (Lambda l : capturesOf.get(method)) {
                if (l.escaped) {
                    return false;
                }
            }
            return true;
        }

        private boolean stillConfined(Slot s, Set<Slot> confined, Map<String, List<Lambda>> capturesOf,
                Map<Lambda, String> captor) {
            MethodScan scan = scans.get(s.method());
            // every lambda that captures this slot's array must keep it confined in its body
            for (Lambda l : scan.lambdas) {
                for (int i = 0; i < l.captured.length; i++) {
                    if (l.captured[i] == (MethodScan.CELL | s.slot())
                            && !confined.contains(new Slot(l.body, l.slots[i]))) {
                        return false;
                    }
                }
            }
            if (s.slot() >= scan.argumentSlots) {
                return true;
            }
            // a lambda body's parameter: every capture must pass a confined local's array. A parameter no capture
            // feeds is one of the functional interface's own arguments (a map's value, say), which anyone may share.
            for (Lambda l : capturesOf.getOrDefault(s.method(), List.of())) {
                boolean fed = false;
                for (int i = 0; i < l.captured.length; i++) {
                    if (l.slots[i] == s.slot()) {
                        long value = l.captured[i];
                        if ((value & MethodScan.KIND) != MethodScan.CELL
                                || !confined.contains(new Slot(captor.get(l), (int) value))) {
                            return false;
                        }
                        fed = true;
                    }
                }
                if (!fed) {
                    return false;
                }
            }
            return true;
        }
    }

    /** @return whether the JDK method's contract runs its function argument in the caller before it returns */
    static boolean runsCallbackBeforeReturning(String owner, String name) {
        return MAPS.contains(owner) ? MAP_METHODS.contains(name)
                : owner.equals("java/util/Optional") && OPTIONAL_METHODS.contains(name);
    }
}
