package dev.guarded.agent.internal.instrument;

import java.util.function.Predicate;

/** What the method visitors of one class transformation share: names, the class's shape, field resolution. */
final class ClassContext {

    final String internalName;
    final String dotName;
    final ClassShape shape;
    final ClassLoader loader;
    final FieldResolver resolver;
    /** Whether a binary class name belongs to the instrumented application (for class-initialization edges). */
    final Predicate<String> application;
    /** Which fields have shadow words (for this class's own fields and for every field it accesses). */
    final ShadowWords words;
    String sourceFile;

    ClassContext(ClassShape shape, ClassLoader loader, FieldResolver resolver, Predicate<String> application,
            ShadowWords words) {
        this.words = words;
        this.internalName = shape.name;
        this.dotName = shape.name.replace('/', '.');
        this.shape = shape;
        this.loader = loader;
        this.resolver = resolver;
        this.application = application;
    }

    /** Frames must be written for class files of Java 6 and later. */
    boolean hasFrames() {
        return (shape.version & 0xFFFF) >= org.objectweb.asm.Opcodes.V1_6;
    }
}
