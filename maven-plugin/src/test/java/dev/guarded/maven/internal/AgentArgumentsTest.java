package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void rendersEveryOptionInTheAgentsSyntax() throws IOException {
        File suppressions = Files.writeString(dir.resolve("s.txt"), "field:com.acme.A.b\n").toFile();

        String options = new AgentArguments("/t/guarded/races-${pid}.json")
                .mode("Hybrid")
                .includes("com.acme.**, org.x.*Cache")
                .excludes("com.acme.generated.**")
                .suppressions(suppressions)
                .flag("quiet")
                .render();

        assertEquals("report=/t/guarded/races-${pid}.json,mode=hybrid,include=com.acme.**;org.x.*Cache,"
                + "exclude=com.acme.generated.**,suppress=" + suppressions.getAbsolutePath() + ",quiet", options);
    }

    @Test
    void blankSettingsLeaveTheAgentDefaults() {
        assertEquals("report=r.json", new AgentArguments("r.json").mode(" ").includes(null).excludes("").suppressions(null).render());
    }

    @Test
    void unknownModeListsTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AgentArguments("r.json").mode("fast"));
        assertEquals("guarded.mode 'fast' is not a detector mode; accepted: hb, lockset, hybrid (default hb)", e.getMessage());
    }

    @Test
    void malformedPatternIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AgentArguments("r.json").includes("com.acme.**,com/acme/Foo"));
        assertTrue(e.getMessage().startsWith("guarded.includes: 'com/acme/Foo' is not a class pattern"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgentArguments("r.json").excludes("com..acme"));
    }

    @Test
    void missingSuppressionFileIsRejected() {
        File missing = dir.resolve("nope.txt").toFile();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AgentArguments("r.json").suppressions(missing));
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("'field:<pattern>' or 'class:<pattern>'"), e.getMessage());
        IllegalArgumentException dirError = assertThrows(IllegalArgumentException.class,
                () -> new AgentArguments("r.json").suppressions(dir.toFile()));
        assertTrue(dirError.getMessage().contains("is not a readable file"), dirError.getMessage());
    }

    @Test
    void commaInAPathCannotBeCarried() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AgentArguments("/a,b/races-${pid}.json"));
        assertTrue(e.getMessage().contains("contains a comma"), e.getMessage());
    }
}
