package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.agent.internal.detect.JdkObjectAccess.Kind;
import dev.guarded.agent.internal.meta.CallSites;
import dev.guarded.report.Race;
import dev.guarded.report.TextReportWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Calls on JDK objects as accesses to the object's state, on simulated unordered threads. */
class JdkObjectAccessTest {

    private final Harness h = new Harness("");
    private final ThreadState a = h.thread("a");
    private final ThreadState b = h.thread("b");

    private int site(int line, String callee) {
        return CallSites.register(h.meta, "com.acme.Cache", "run", "Cache.java", line, callee);
    }

    private void call(ThreadState t, Object receiver, boolean write, int site) {
        h.a.jdkObjects().access(h.a, h.a.shadow(), t, receiver, write, site);
    }

    @Test
    void twoUnorderedPutsOnAHashMapAreReportedWithTheObjectAndBothMethods() {
        Map<String, Integer> map = new HashMap<>();
        call(a, map, true, site(10, "put"));
        call(b, map, true, site(20, "put"));
        assertEquals(1, h.races().size(), h.output());
        Race race = h.races().get(0);
        assertEquals("java.util.HashMap", race.field());
        assertEquals("java.util.HashMap@" + Integer.toHexString(System.identityHashCode(map)), race.object());
        assertEquals("put", race.accesses().get(0).method());
        assertEquals("put", race.accesses().get(1).method());
        String text = TextReportWriter.format(race);
        assertTrue(text.startsWith("WARNING: Guarded: data race on " + race.object() + " (put vs put)\n"), text);
        assertTrue(text.contains("Write (put) of " + race.object() + " by thread \"b\""), text);
        assertNull(a.callTarget, "the target is only held while the call is checked");
    }

    @Test
    void readsDoNotRaceWithReadsAndAReadRacesWithAWrite() {
        List<Integer> list = new ArrayList<>();
        call(a, list, false, site(10, "size"));
        call(b, list, false, site(20, "get"));
        assertEquals(0, h.races().size(), h.output());
        call(b, list, true, site(21, "add"));
        assertEquals(1, h.races().size(), h.output());
        assertEquals("add", h.races().get(0).accesses().get(0).method());
        assertEquals("size", h.races().get(0).accesses().get(1).method());
    }

    @Test
    void threadSafeAndImmutableClassesAndApplicationSubclassesAreNotCovered() {
        List<Object> quiet = List.of(new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>(), new Vector<>(),
                new StringBuffer(), Collections.synchronizedList(new ArrayList<>()), List.of(1, 2), Map.of(),
                new ArrayList<Integer>() { }, "text");
        int line = 30;
        for (Object o : quiet) {
            call(a, o, true, site(line++, "add"));
            call(b, o, true, site(line++, "add"));
        }
        assertEquals(0, h.races().size(), h.output());
    }

    @Test
    void classesAreClassifiedOncePerClass() {
        assertEquals(Kind.OBJECT, JdkObjectAccess.kindOf(LinkedHashMap.class));
        assertEquals(Kind.OBJECT, JdkObjectAccess.kindOf(StringBuilder.class));
        assertEquals(Kind.OBJECT_OR_VIEW, JdkObjectAccess.kindOf(TreeSet.class));
        assertEquals(Kind.VIEW, JdkObjectAccess.kindOf(new HashMap<>().keySet().getClass()));
        assertEquals(Kind.VIEW, JdkObjectAccess.kindOf(new ArrayList<>().iterator().getClass()));
        assertEquals(Kind.READ_ONLY_VIEW,
                JdkObjectAccess.kindOf(Collections.unmodifiableMap(new HashMap<>()).getClass()));
        assertEquals(Kind.NONE, JdkObjectAccess.kindOf(ConcurrentHashMap.class));
        assertEquals(Kind.NONE, JdkObjectAccess.kindOf(new ArrayList<Integer>() { }.getClass()));
    }

    @Test
    void anIteratorCountsAgainstItsListOnceRecorded() {
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        Iterator<Integer> unknown = list.iterator();
        call(a, unknown, true, site(40, "remove"));
        call(b, list, true, site(41, "add"));
        assertEquals(0, h.races().size(), "an iterator obtained where no one recorded it is not counted");

        Iterator<Integer> it = list.iterator();
        h.a.jdkObjects().viewCreated(it, list);
        assertSame(list, h.a.jdkObjects().targetOf(it));
        call(a, it, false, site(42, "next"));
        assertEquals(1, h.races().size(), h.output());
        assertEquals("java.util.ArrayList", h.races().get(0).field());
        assertEquals("next", h.races().get(0).accesses().get(0).method());
    }

    @Test
    void viewsOfViewsAndTreeSetRangesResolveToTheBackingObject() {
        Map<String, Integer> map = new HashMap<>();
        Set<String> keys = map.keySet();
        h.a.jdkObjects().viewCreated(keys, map);
        Iterator<String> it = keys.iterator();
        h.a.jdkObjects().viewCreated(it, keys);
        assertSame(map, h.a.jdkObjects().targetOf(it));

        TreeSet<Integer> set = new TreeSet<>();
        Set<Integer> head = set.headSet(10);
        h.a.jdkObjects().viewCreated(head, set);
        assertSame(set, h.a.jdkObjects().targetOf(head));
        TreeSet<Integer> other = new TreeSet<>();
        assertSame(other, h.a.jdkObjects().targetOf(other), "a TreeSet that is no view is its own location");
    }

    @Test
    void callsThroughAnUnmodifiableViewAreReadsOfTheBackingMap() {
        Map<String, Integer> map = new HashMap<>();
        Map<String, Integer> readOnly = Collections.unmodifiableMap(map);
        h.a.jdkObjects().viewCreated(readOnly, map);
        call(a, readOnly, true, site(50, "put"));
        call(b, readOnly, true, site(51, "put"));
        assertEquals(0, h.races().size(), "a mutator on the view only throws: it reads nothing it changes");
        call(b, map, true, site(52, "put"));
        assertEquals(1, h.races().size(), h.output());
        assertEquals("java.util.HashMap", h.races().get(0).field());
    }

    @Test
    void orderedCallsAreNotRaces() {
        StringBuilder sb = new StringBuilder();
        Object lock = new Object();
        h.a.lockAcquired(a, lock);
        call(a, sb, true, site(60, "append"));
        h.a.lockReleasing(a, lock);
        h.a.lockAcquired(b, lock);
        call(b, sb, true, site(61, "append"));
        h.a.lockReleasing(b, lock);
        assertEquals(0, h.races().size(), h.output());
    }

    @Test
    void nullReceiversAndNullViewsAreIgnored() {
        call(a, null, true, site(70, "add"));
        h.a.jdkObjects().viewCreated(null, new ArrayList<>());
        h.a.jdkObjects().viewCreated(new ArrayList<>().iterator(), null);
        h.d.callWrite(null, site(71, "add"));
        h.d.callView(null, null);
        assertEquals("", h.output());
    }
}
