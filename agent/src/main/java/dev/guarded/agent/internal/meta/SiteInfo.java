package dev.guarded.agent.internal.meta;

/**
 * One bytecode location that performs an access or a lock operation.
 *
 * @param id         the id instrumented code passes to the hooks
 * @param className  binary class name, e.g. {@code com.acme.Counter}
 * @param method     method name, e.g. {@code increment}
 * @param file       source file name from the class file, or null when the class has none
 * @param line       source line, or -1 when unknown
 */
public record SiteInfo(int id, String className, String method, String file, int line) {
}
