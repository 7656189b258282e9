package dev.guarded.agent.internal.model;

/**
 * What the model inserts into a JDK method: a hook call at entry, one before every normal return and, if
 * {@code always}, one when an exception leaves the method (the same exit hook, with {@link Operand#THROWN} the
 * exception). Hooks are static methods of {@code dev.guarded.agent.hook.ModelHooks}; each suppresses what the
 * detector throws, so the inserted code needs no handler of its own.
 *
 * @param enter  the hook called on entry, or null
 * @param exit   the hook called on exit, or null
 * @param always whether the exit hook also runs when the method throws
 */
record Advice(Call enter, Call exit, boolean always) {

    /**
     * A call of a hook with operands, in order. A returned value or thrown exception is the first operand,
     * because it is on the operand stack when the call is made.
     *
     * @param hook     the hook's name in {@code ModelHooks}
     * @param operands what it is passed
     */
    record Call(String hook, Operand... operands) {
        Call {
            for (int i = 1; i < operands.length; i++) {
                if (operands[i] == Operand.RETURNED || operands[i] == Operand.THROWN) {
                    throw new IllegalArgumentException(hook + ": the returned or thrown value must come first");
                }
            }
        }
    }

    /** A hook called on entry. */
    static Advice onEnter(String hook, Operand... operands) {
        return new Advice(new Call(hook, operands), null, false);
    }

    /** A hook called on normal exit. */
    static Advice onExit(String hook, Operand... operands) {
        return new Advice(null, new Call(hook, operands), false);
    }

    /** A hook called on every exit, also by an exception. */
    static Advice onAnyExit(String hook, Operand... operands) {
        return new Advice(null, new Call(hook, operands), true);
    }

    /** This entry hook, and a hook called on normal exit. */
    Advice thenOnExit(String hook, Operand... operands) {
        return new Advice(enter, new Call(hook, operands), false);
    }

    /** This entry hook, and a hook called on every exit, also by an exception. */
    Advice thenOnAnyExit(String hook, Operand... operands) {
        return new Advice(enter, new Call(hook, operands), true);
    }
}
