package dev.guarded.agent.internal.model;

/**
 * A value that advice passes to its hook: the receiver, an argument, every argument (as an
 * {@code Object[]}, primitives as null), a field of the receiver, the value the method returns or the
 * exception it throws (null on a normal exit).
 *
 * @param kind  which value
 * @param index the argument's position, for {@link Kind#ARGUMENT}
 * @param field the field's name, for {@link Kind#FIELD}: declared by the advised class or a superclass
 */
record Operand(Kind kind, int index, String field) {

    /** The kinds of value. */
    enum Kind { THIS, ARGUMENT, ALL_ARGUMENTS, FIELD, RETURNED, THROWN }

    static final Operand THIS = new Operand(Kind.THIS, -1, null);
    static final Operand ALL_ARGUMENTS = new Operand(Kind.ALL_ARGUMENTS, -1, null);
    static final Operand RETURNED = new Operand(Kind.RETURNED, -1, null);
    static final Operand THROWN = new Operand(Kind.THROWN, -1, null);

    /** The argument at {@code index}. */
    static Operand argument(int index) {
        return new Operand(Kind.ARGUMENT, index, null);
    }

    /** The receiver's field {@code name}. */
    static Operand field(String name) {
        return new Operand(Kind.FIELD, -1, name);
    }
}
