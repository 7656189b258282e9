package dev.guarded.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

    @Test
    void nullAndBlankGiveDefaults() {
        for (String args : new String[] {null, "", "  "}) {
            AgentOptions o = AgentOptions.parse(args);
            assertEquals(DetectionMode.HB, o.mode());
            assertEquals(16, o.stacks());
            assertEquals(-1, o.exitCode());
            assertFalse(o.quiet());
            assertFalse(o.halt());
            assertFalse(o.verbose());
            assertTrue(o.eliminate(), "redundant checks are left out by default");
            assertNull(o.report());
            assertNull(o.sarif());
            assertEquals(0, o.suppressions().size());
        }
    }

    @Test
    void parsesEveryKey() {
        AgentOptions o = AgentOptions.parse("include=com.acme.**;org.x.*,exclude=com.acme.gen.**,report=out/r.json,"
                + "sarif=out/r.sarif,quiet,mode=hybrid,exitcode=3,halt=true,stacks=4,verbose=false,eliminate=false");
        assertEquals(DetectionMode.HYBRID, o.mode());
        assertEquals(3, o.exitCode());
        assertEquals(4, o.stacks());
        assertTrue(o.quiet());
        assertTrue(o.halt());
        assertFalse(o.verbose());
        assertFalse(o.eliminate());
        assertEquals(Path.of("out/r.json"), o.report());
        assertEquals(Path.of("out/r.sarif"), o.sarif());
        assertTrue(o.instruments("com.acme.Counter"));
        assertTrue(o.instruments("com.acme.deep.Inner$1"));
        assertTrue(o.instruments("org.x.Y"));
        assertFalse(o.instruments("org.x.sub.Y"), "'*' stays within one segment");
        assertFalse(o.instruments("com.acme.gen.Generated"), "exclude wins");
        assertFalse(o.instruments("org.other.Z"), "not included");
    }

    @Test
    void pipeSeparatesPatternsToo() {
        AgentOptions o = AgentOptions.parse("include=a.*|b.**");
        assertTrue(o.instruments("a.X"));
        assertTrue(o.instruments("b.c.X"));
        assertFalse(o.instruments("c.X"));
    }

    @Test
    void defaultsInstrumentApplicationsButNeverJdkAgentOrTooling() {
        AgentOptions o = AgentOptions.defaults();
        assertTrue(o.instruments("com.acme.Counter"));
        assertTrue(o.instruments("dev.guarded.examples.RaceCondition"));
        assertTrue(o.instruments("dev.guarded.sync.AsyncLock"));
        assertTrue(o.instruments("org.junit.jupiter.api.Assertions"));
        for (String c : new String[] {"java.util.HashMap", "javax.swing.JFrame", "jdk.internal.misc.Unsafe",
                "sun.misc.Unsafe", "com.sun.net.httpserver.HttpServer", "dev.guarded.agent.hook.Hooks",
                "dev.guarded.agent.shaded.asm.ClassReader", "org.apache.maven.surefire.booter.ForkedBooter",
                "org.junit.platform.launcher.core.LauncherFactory", "org.junit.jupiter.engine.JupiterTestEngine"}) {
            assertFalse(o.instruments(c), c);
        }
        assertFalse(AgentOptions.parse("include=java.**").instruments("java.util.HashMap"), "include cannot add the JDK");
    }

    @Test
    void unknownKeyNamesItAndListsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("repot=x"));
        assertEquals("unknown option 'repot' — accepted: include, exclude, report, sarif, quiet, mode, exitcode, halt, "
                + "stacks, suppress, verbose, words, eliminate", e.getMessage());
    }

    @Test
    void malformedValuesAreOneLineErrors() {
        assertMessage("mode=fast", "mode=fast is not one of hb, lockset, hybrid");
        assertMessage("stacks=abc", "stacks=abc is not an integer from 1 to 1024");
        assertMessage("stacks=0", "stacks=0 is not an integer from 1 to 1024");
        assertMessage("exitcode=300", "exitcode=300 is not an integer from 0 to 255");
        assertMessage("quiet=yes", "quiet=yes is not a flag value; accepted: 'quiet', 'quiet=true', 'quiet=false'");
        assertMessage("report=", "option 'report' needs a value: a file path (${pid} is replaced by the process id)");
        assertMessage("mode", "option 'mode' needs a value: hb, lockset, hybrid");
        assertMessage("quiet,quiet", "option 'quiet' is given twice");
        assertMessage("include=com.acme.$$(", "include=com.acme.$$(: class pattern 'com.acme.$$(' has the character "
                + "'('; accepted: Java name characters, '.', '*' and '**'");
    }

    @Test
    void pidIsSubstitutedInFileValues() {
        AgentOptions o = AgentOptions.parse("report=target/races-${pid}.json");
        assertEquals(Path.of("target/races-" + ProcessHandle.current().pid() + ".json"), o.report());
    }

    @Test
    void suppressReadsTheFileAndReportsItsErrors(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("s.txt"), "# intentional\nfield:com.acme.Cache.hash\n");
        assertEquals(1, AgentOptions.parse("suppress=" + good).suppressions().size());
        Path bad = Files.writeString(dir.resolve("bad.txt"), "field:a.B.c\nmethod:x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("suppress=" + bad));
        assertTrue(e.getMessage().startsWith(bad + ":2: 'method:x' is not an entry"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("suppress=" + dir.resolve("none.txt")));
        assertTrue(missing.getMessage().contains("cannot read the file"), missing.getMessage());
        assertFalse(missing.getMessage().contains("\n"));
    }

    @Test
    void reportPathsThatCannotBeWrittenAreRejectedAtParse(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("not/yet/there/races.json");
        assertEquals(deep, AgentOptions.parse("report=" + deep).report(), "missing directories are created later");
        assertMessage("sarif=" + dir, "sarif=" + dir + " cannot be written: " + dir + " is a directory");
        Path plainFile = Files.writeString(dir.resolve("file"), "x");
        assertMessage("report=" + plainFile.resolve("races.json"),
                "report=" + plainFile.resolve("races.json") + " cannot be written: " + plainFile + " is not a directory");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Assumptions.assumeTrue(locked.toFile().setWritable(false) && !Files.isWritable(locked),
                "a read-only directory (not when running as root)");
        try {
            assertMessage("report=" + locked.resolve("sub/r.json"),
                    "report=" + locked.resolve("sub/r.json") + " cannot be written: the directory " + locked + " is not writable");
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void includePatternsThatMatchedNoClassAreNamed() {
        AgentOptions o = AgentOptions.parse("include=com.acme.**;com.acme.*;com.acmee.**;org.x.*");
        assertEquals(java.util.List.of("com.acme.**", "com.acme.*", "com.acmee.**", "org.x.*"), o.unmatchedIncludes());
        assertTrue(o.instruments("com.acme.deep.Counter"));
        assertTrue(o.instruments("com.acme.Counter"));
        assertFalse(o.instruments("java.util.HashMap"), "the JDK is never matched against the patterns");
        assertEquals(java.util.List.of("com.acmee.**", "org.x.*"), o.unmatchedIncludes(),
                "a pattern counts even when an earlier one already included the class");
        assertEquals(java.util.List.of(), AgentOptions.parse("exclude=a.**").unmatchedIncludes());
    }

    @Test
    void optionStringIsCheckedByTheAgentsParser(@TempDir Path dir) {
        String options = new AgentOptionString()
                .put("report", dir.resolve("races-${pid}.json").toString(), "guarded.reportDirectory")
                .put("mode", " lockset ", "guarded.mode")
                .put("include", "  ", "guarded.includes")
                .put("exclude", null, "guarded.excludes")
                .flag("quiet", "the plugin")
                .render();
        assertEquals("report=" + dir.resolve("races-${pid}.json") + ",mode=lockset,quiet", options);
        assertEquals(DetectionMode.LOCKSET, AgentOptions.parse(options).mode());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> new AgentOptionString().put("mode", "fast", "guarded.mode"));
        assertEquals("guarded.mode: mode=fast is not one of hb, lockset, hybrid", mode.getMessage());
        IllegalArgumentException comma = assertThrows(IllegalArgumentException.class,
                () -> new AgentOptionString().put("report", "/a,b/r.json", "guarded.reportDirectory"));
        assertTrue(comma.getMessage().startsWith("guarded.reportDirectory: '/a,b/r.json' contains a comma"), comma.getMessage());
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> new AgentOptionString().put("include", "com.acme.(x)", "guarded.includes"));
        assertTrue(pattern.getMessage().startsWith("guarded.includes: include=com.acme.(x): class pattern"), pattern.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new AgentOptionString().flag("quiet", "a").flag("quiet", "b").render());
        assertEquals("option 'quiet' is given twice", twice.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new AgentOptionString().flag("loud", "the plugin"));
        assertTrue(unknown.getMessage().startsWith("the plugin: unknown option 'loud'"), unknown.getMessage());
    }

    private static void assertMessage(String args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(args));
        assertEquals(message, e.getMessage());
    }
}
