package dev.guarded.report;

/**
 * One stack frame of a reported access. Immutable.
 *
 * @param className binary class name, e.g. {@code com.acme.Counter}
 * @param method    method name
 * @param file      source file name, or null when unknown
 * @param line      source line, or -1 when unknown
 */
public record Frame(String className, String method, String file, int line) {

    /** @return the frame the way Java prints stack traces: {@code com.acme.Counter.inc(Counter.java:12)} */
    @Override
    public String toString() {
        String where = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }

    /**
     * A guess of the source path relative to the source root, for SARIF: the package as directories plus the
     * file name ({@code com/acme/Counter.java}); without a file name, the outer class name plus {@code .java}.
     */
    public String sourcePath() {
        String outer = className;
        int dollar = outer.indexOf('$');
        if (dollar > 0) {
            outer = outer.substring(0, dollar);
        }
        int dot = outer.lastIndexOf('.');
        String dir = dot < 0 ? "" : outer.substring(0, dot).replace('.', '/') + "/";
        String name = file != null ? file : outer.substring(dot + 1) + ".java";
        return dir + name;
    }
}
