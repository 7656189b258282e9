package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * {@code ConcurrentHashMap}'s key, value and entry views: they have no state of their own, and every change
 * made through them is a change of the backing map ({@code putVal}, {@code replaceNode}), modelled there. A
 * view read (iteration, contains, toArray...) therefore acquires the backing map's whole-map channel, which
 * every mutation of the map releases into, whichever object it came through.
 */
final class ViewAdvice {

    private ViewAdvice() {
    }

    /** A read through the view: acquire the backing map (the {@code map} field every view inherits). */
    static final class AcquireMap {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("map") Object map) {
            if (map != null) {
                Hooks.acquire(map);
            }
        }
    }
}
