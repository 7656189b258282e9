package dev.guarded.agent.internal.meta;

/**
 * A field the instrumenter saw accessed.
 *
 * @param id          the id instrumented code passes to the hooks
 * @param owner       binary class name of the field's owner as the bytecode names it, e.g. {@code com.acme.Counter}
 * @param name        the field's name
 * @param descriptor  the field's type descriptor, e.g. {@code I}
 * @param isStatic    whether it is a static field
 * @param benign      whether the field carries {@code @dev.guarded.annotation.BenignRace}: its races are
 *                    counted as suppressed, never reported as failures
 */
public record FieldInfo(int id, String owner, String name, String descriptor, boolean isStatic, boolean benign) {

    /** @return {@code owner.name}, the way reports name a field */
    public String qualifiedName() {
        return owner + "." + name;
    }
}
