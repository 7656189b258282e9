package dev.guarded.agent.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every hook the JDK model inserts suppresses what the detector throws: an ordinary exception is dropped (the
 * modelled JDK method runs on), {@code ThreadDeath} and {@code VirtualMachineError} leave it, as they would
 * without the agent.
 */
class ModelHooksTest {

    /** A task that is a ForkJoinTask and a counted completer, the most specific type any hook casts to. */
    static final class Task extends CountedCompleter<Void> {
        @Override
        public void compute() {
        }
    }

    /** Held by the test's thread while it calls the hooks: an unlock reaches the detector only for a holder. */
    private static final ReentrantLock HELD = new ReentrantLock();

    private final AtomicInteger detectorCalls = new AtomicInteger();

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    @SuppressWarnings("deprecation")
    void everyHookDropsDetectorFailuresButFatalOnes() throws Exception {
        List<String> silent = new ArrayList<>();
        int hooks = 0;
        HELD.lock();
        for (Method hook : ModelHooks.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(hook.getModifiers())) {
                continue;
            }
            hooks++;
            Object[] args = argumentsReachingTheDetector(hook);
            detectorCalls.set(0);
            install(new IllegalStateException("detector bug"));
            hook.invoke(null, args); // must not throw
            if (detectorCalls.get() == 0) {
                silent.add(hook.getName());
                continue;
            }
            for (Throwable fatal : new Throwable[] {new ThreadDeath(), new StackOverflowError(), new OutOfMemoryError()}) {
                install(fatal);
                InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                        () -> hook.invoke(null, args), hook.getName());
                assertInstanceOf(fatal.getClass(), thrown.getCause(), hook.getName());
            }
        }
        HELD.unlock();
        assertTrue(hooks > 40, "hooks found: " + hooks);
        assertEquals(List.of(), silent, "hooks that never reached the detector with these arguments");
    }

    /** Arguments with which the hook's body calls the detector: a true result, a live stamp, a dead thread... */
    private static Object[] argumentsReachingTheDetector(Method hook) {
        Class<?>[] types = hook.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == boolean.class) {
                args[i] = !hook.getName().equals("threadAliveIs"); // a thread is seen dead when isAlive is false
            } else if (type == long.class) {
                args[i] = 1L;
            } else if (type == Throwable.class) {
                args[i] = null; // a normal exit
            } else if (type == Object[].class) {
                args[i] = new Object[] {new Task(), new Object[] {new Task()}, List.of(new Task())};
            } else if (hook.getName().startsWith("thread")) {
                args[i] = new Thread(() -> { }); // never started: not alive
            } else if (hook.getName().equals("lockReleasing") && i == 0) {
                args[i] = HELD;
            } else if (hook.getName().equals("timerFire")) {
                args[i] = new Object[] {null, new Task()};
            } else {
                args[i] = new Task();
            }
        }
        return args;
    }

    private void install(Throwable toThrow) {
        Hooks.install((HookListener) Proxy.newProxyInstance(HookListener.class.getClassLoader(),
                new Class<?>[] {HookListener.class}, (proxy, method, args) -> {
                    detectorCalls.incrementAndGet();
                    throw toThrow;
                }));
    }
}
