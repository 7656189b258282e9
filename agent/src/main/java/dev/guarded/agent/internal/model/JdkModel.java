package dev.guarded.agent.internal.model;

import java.io.File;
import java.lang.instrument.Instrumentation;

/** Installs the model of the JDK's synchronization (advice on java.base classes). */
public final class JdkModel {

    private JdkModel() {
    }

    /** Installs the advice and retransforms the JDK classes it applies to. */
    public static void install(Instrumentation inst, File agentJar) {
        // The first slice models nothing yet; see the classes of this package once they exist.
    }
}
