package dev.guarded.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareAgentOptionsTest {

    @TempDir
    Path dir;

    private File report() {
        return dir.resolve("guarded/races-${pid}.json").toFile();
    }

    @Test
    void rendersEverySettingInTheAgentsSyntax() throws IOException {
        File suppressions = Files.writeString(dir.resolve("s.txt"), "field:com.acme.A.b\n").toFile();
        String options = PrepareAgentMojo.agentOptions(report(), "Hybrid", "com.acme.**, org.x.*Cache",
                "com.acme.generated.**", suppressions);
        assertEquals("report=" + report().getAbsolutePath() + ",mode=Hybrid,include=com.acme.**;org.x.*Cache,"
                + "exclude=com.acme.generated.**,suppress=" + suppressions.getAbsolutePath() + ",quiet", options);
    }

    @Test
    void blankSettingsLeaveTheAgentDefaults() {
        assertEquals("report=" + report().getAbsolutePath() + ",quiet",
                PrepareAgentMojo.agentOptions(report(), " ", null, "", null));
    }

    @Test
    void theAgentsParserNamesTheBadSetting() {
        assertMessage("guarded.mode: mode=fast is not one of hb, lockset, hybrid",
                () -> PrepareAgentMojo.agentOptions(report(), "fast", null, null, null));
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> PrepareAgentMojo.agentOptions(report(), null, "com.acme.**,com.acme.(x)", null, null));
        assertTrue(pattern.getMessage().startsWith("guarded.includes: include=com.acme.**;com.acme.(x): class pattern"
                + " 'com.acme.(x)' has the character '('"), pattern.getMessage());
        File missing = dir.resolve("nope.txt").toFile();
        IllegalArgumentException suppress = assertThrows(IllegalArgumentException.class,
                () -> PrepareAgentMojo.agentOptions(report(), null, null, null, missing));
        assertTrue(suppress.getMessage().startsWith("guarded.suppressions: suppress=" + missing + ": cannot read the file"),
                suppress.getMessage());
    }

    @Test
    void reportDirectoriesThatCannotHoldAFileOrCarryACommaAreRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrepareAgentMojo.agentOptions(file.resolve("races-${pid}.json").toFile(), null, null, null, null));
        assertTrue(e.getMessage().startsWith("guarded.reportDirectory: report="), e.getMessage());
        assertTrue(e.getMessage().endsWith("cannot be written: " + file + " is not a directory"), e.getMessage());
        IllegalArgumentException comma = assertThrows(IllegalArgumentException.class,
                () -> PrepareAgentMojo.agentOptions(dir.resolve("a,b/races.json").toFile(), null, null, null, null));
        assertTrue(comma.getMessage().contains("contains a comma"), comma.getMessage());
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
