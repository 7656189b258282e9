package dev.guarded.agent.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
            assertNull(o.report());
            assertNull(o.sarif());
            assertEquals(0, o.suppressions().size());
        }
    }

    @Test
    void parsesEveryKey() {
        AgentOptions o = AgentOptions.parse("include=com.acme.**;org.x.*,exclude=com.acme.gen.**,report=out/r.json,"
                + "sarif=out/r.sarif,quiet,mode=hybrid,exitcode=3,halt=true,stacks=4,verbose=false");
        assertEquals(DetectionMode.HYBRID, o.mode());
        assertEquals(3, o.exitCode());
        assertEquals(4, o.stacks());
        assertTrue(o.quiet());
        assertTrue(o.halt());
        assertFalse(o.verbose());
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
                "dev.guarded.agent.shaded.bytebuddy.ByteBuddy", "org.apache.maven.surefire.booter.ForkedBooter",
                "org.junit.platform.launcher.core.LauncherFactory", "org.junit.jupiter.engine.JupiterTestEngine"}) {
            assertFalse(o.instruments(c), c);
        }
        assertFalse(AgentOptions.parse("include=java.**").instruments("java.util.HashMap"), "include cannot add the JDK");
    }

    @Test
    void unknownKeyNamesItAndListsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("repot=x"));
        assertEquals("unknown option 'repot' — accepted: include, exclude, report, sarif, quiet, mode, exitcode, halt, "
                + "stacks, suppress, verbose, words", e.getMessage());
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

    private static void assertMessage(String args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(args));
        assertEquals(message, e.getMessage());
    }
}
