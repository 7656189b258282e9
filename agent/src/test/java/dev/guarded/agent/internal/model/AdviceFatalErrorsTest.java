package dev.guarded.agent.internal.model;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK model's advice suppresses what its hooks throw, with {@link JdkModel#dropUnlessFatal()} as handler:
 * an ordinary exception is dropped (the modelled method runs on), {@code ThreadDeath} and
 * {@code VirtualMachineError} leave the modelled method, as they would without the agent.
 */
class AdviceFatalErrorsTest {

    /** The advised method: counts its runs so a test sees whether the body ran after the enter advice. */
    public static class Target {
        public static final AtomicInteger RUNS = new AtomicInteger();

        public void run() {
            RUNS.incrementAndGet();
        }
    }

    /** Shaped like the model's advice: calls a hook, suppresses everything. */
    static final class CallsHook {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.acquire(self);
        }
    }

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    @SuppressWarnings("deprecation")
    void fatalThrowablesLeaveTheAdvisedMethodOthersAreDropped() throws Exception {
        Method run = advisedTarget();
        Object target = run.getDeclaringClass().getConstructor().newInstance();

        AtomicInteger runs = (AtomicInteger) run.getDeclaringClass().getField("RUNS").get(null);
        install(new IllegalStateException("detector bug"));
        run.invoke(target);
        assertEquals(1, runs.get(), "an ordinary failure of the hook must not stop the method");

        for (Throwable fatal : new Throwable[] {new ThreadDeath(), new StackOverflowError(), new OutOfMemoryError()}) {
            install(fatal);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> run.invoke(target));
            assertInstanceOf(fatal.getClass(), thrown.getCause());
        }
        assertEquals(1, runs.get(), "the method body ran after a fatal throwable in its enter advice");
    }

    private static void install(Throwable toThrow) {
        // Every hook throws; the advice only calls acquire.
        Hooks.install((HookListener) Proxy.newProxyInstance(HookListener.class.getClassLoader(),
                new Class<?>[] {HookListener.class}, (proxy, method, args) -> {
                    throw toThrow;
                }));
    }

    private static Method advisedTarget() throws Exception {
        Class<?> advised = new ByteBuddy()
                .redefine(Target.class)
                .visit(Advice.to(CallsHook.class).withExceptionHandler(JdkModel.dropUnlessFatal()).on(named("run")))
                .make()
                .load(new ClassLoader(AdviceFatalErrorsTest.class.getClassLoader()) { },
                        ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        return advised.getMethod("run");
    }
}
