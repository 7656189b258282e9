package dev.guarded.agent.internal.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.Opcodes;

/**
 * Finds the declaration of a field that bytecode refers to, without loading any class: it reads class files
 * as resources of the defining loader and walks superclasses and interfaces the way field resolution does
 * (JVMS 5.4.3.2). Shapes are cached per loader; loaders are held weakly.
 */
final class FieldResolver {

    /**
     * A resolved (or assumed) field declaration.
     *
     * @param shape the declaring class's shape, or null when no class file declares the field
     */
    record Field(String declaringClass, int access, boolean benign, ClassShape shape) {
        boolean isVolatile() {
            return (access & Opcodes.ACC_VOLATILE) != 0;
        }

        boolean isIgnored() {
            return (access & (Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC)) != 0;
        }
    }

    private static final int MAX_DEPTH = 32;
    private static final Object BOOT = new Object();

    private final Map<Object, Map<String, ClassShape>> shapes = new WeakHashMap<>();

    /**
     * @param self the class being transformed (resolved from its own bytes, which may not be a resource yet)
     * @return the field's declaration; when no class file declares it, a plain field of {@code owner}
     */
    Field resolve(ClassLoader loader, ClassShape self, String owner, String name) {
        Field found = find(loader, self, owner, name, 0);
        return found != null ? found : new Field(owner, 0, false, null);
    }

    private Field find(ClassLoader loader, ClassShape self, String owner, String name, int depth) {
        if (owner == null || depth > MAX_DEPTH) {
            return null;
        }
        ClassShape shape = owner.equals(self.name) ? self : shape(loader, owner);
        Integer access = shape.fieldAccess.get(name);
        if (access != null) {
            return new Field(owner, access, shape.benign.contains(name), shape);
        }
        for (String itf : shape.interfaces) {
            Field f = find(loader, self, itf, name, depth + 1);
            if (f != null) {
                return f;
            }
        }
        return find(loader, self, shape.superName, name, depth + 1);
    }

    private ClassShape shape(ClassLoader loader, String internalName) {
        Map<String, ClassShape> perLoader;
        synchronized (shapes) {
            perLoader = shapes.computeIfAbsent(loader == null ? BOOT : loader, k -> new ConcurrentHashMap<>());
        }
        ClassShape known = perLoader.get(internalName);
        if (known == null) {
            known = read(loader, internalName);
            perLoader.put(internalName, known);
        }
        return known;
    }

    private static ClassShape read(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? ClassShape.UNKNOWN : ClassShape.ofReferenced(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return ClassShape.UNKNOWN; // unreadable: treat its fields as plain, which is always safe
        }
    }
}
