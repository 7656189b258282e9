package dev.guarded.agent.internal.instrument;

import java.util.Arrays;

import org.objectweb.asm.Opcodes;

/**
 * An operand stack of symbols (one per slot) for the instrumenter's linear analyses ({@link CheckElimination},
 * {@link LoopRanges}): what each value on the stack is known to be, {@link #UNKNOWN} for anything else. Below
 * what the analysed stretch of code pushed lie values from elsewhere: popping one yields {@link #UNKNOWN} and
 * marks the stack {@link #underflowed()}.
 */
final class SymbolicStack {

    /** The symbol of a value nothing is known of. */
    static final long UNKNOWN = 0;

    private long[] values = new long[16];
    private int depth;
    private boolean underflowed;

    long pop() {
        if (depth == 0) {
            underflowed = true;
            return UNKNOWN;
        }
        return values[--depth];
    }

    void pop(int slots) {
        for (int i = 0; i < slots; i++) {
            pop();
        }
    }

    void push(long value) {
        if (depth == values.length) {
            values = Arrays.copyOf(values, depth * 2);
        }
        values[depth++] = value;
    }

    void pushUnknown(int slots) {
        for (int i = 0; i < slots; i++) {
            push(UNKNOWN);
        }
    }

    /** Empties the stack (control may arrive from elsewhere) and forgets an underflow. */
    void clear() {
        depth = 0;
        underflowed = false;
    }

    int depth() {
        return depth;
    }

    /** @return whether a pop went below what was pushed since the last {@link #clear} */
    boolean underflowed() {
        return underflowed;
    }

    /**
     * Applies {@code POP}, {@code POP2}, the {@code DUP} forms or {@code SWAP}.
     *
     * @return false, changing nothing, for any other opcode
     */
    boolean shuffle(int op) {
        switch (op) {
            case Opcodes.POP -> pop(1);
            case Opcodes.POP2 -> pop(2);
            case Opcodes.DUP -> {
                long a = pop();
                push(a);
                push(a);
            }
            case Opcodes.DUP_X1 -> {
                long a = pop();
                long b = pop();
                push(a);
                push(b);
                push(a);
            }
            case Opcodes.DUP_X2 -> {
                long a = pop();
                long b = pop();
                long c = pop();
                push(a);
                push(c);
                push(b);
                push(a);
            }
            case Opcodes.DUP2 -> {
                long a = pop();
                long b = pop();
                push(b);
                push(a);
                push(b);
                push(a);
            }
            case Opcodes.DUP2_X1 -> {
                long a = pop();
                long b = pop();
                long c = pop();
                push(b);
                push(a);
                push(c);
                push(b);
                push(a);
            }
            case Opcodes.DUP2_X2 -> {
                long a = pop();
                long b = pop();
                long c = pop();
                long d = pop();
                push(b);
                push(a);
                push(d);
                push(c);
                push(b);
                push(a);
            }
            case Opcodes.SWAP -> {
                long a = pop();
                long b = pop();
                push(a);
                push(b);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
