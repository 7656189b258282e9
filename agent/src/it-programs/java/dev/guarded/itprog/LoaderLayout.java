package dev.guarded.itprog;

/**
 * Prints which of the agent's classes each class loader can see, one {@code loader:class=visible} line each:
 * the hooks must be bootstrap classes; the detector and the relocated ASM must be visible to neither
 * the bootstrap nor the platform loader (they live in the agent's own runtime loader).
 */
public final class LoaderLayout {

    private LoaderLayout() {
    }

    public static void main(String[] args) {
        String[] names = {
            "dev.guarded.agent.hook.Hooks",
            "dev.guarded.agent.hook.RaceLog",
            "dev.guarded.agent.internal.detect.Detector",
            "dev.guarded.agent.shaded.asm.ClassReader",
        };
        for (String name : names) {
            System.out.println("boot:" + name + "=" + visible(name, null));
            System.out.println("platform:" + name + "=" + visible(name, ClassLoader.getPlatformClassLoader()));
        }
    }

    private static boolean visible(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
