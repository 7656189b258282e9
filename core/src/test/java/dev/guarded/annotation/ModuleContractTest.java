package dev.guarded.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleContractTest {

    @Test
    void benignRaceIsAClassRetainedFieldAnnotationWithAnOptionalReason() throws Exception {
        assertEquals(RetentionPolicy.CLASS, BenignRace.class.getAnnotation(Retention.class).value());
        assertArrayEquals(new ElementType[] {ElementType.FIELD}, BenignRace.class.getAnnotation(Target.class).value());
        assertEquals("", BenignRace.class.getMethod("value").getDefaultValue());
    }

    @Test
    void moduleExportsOnlyTheApiPackages() throws Exception {
        // Read the module-info next to our own classes (a class-path lookup could find a JDK one).
        java.nio.file.Path classes = java.nio.file.Path.of(BenignRace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = java.nio.file.Files.newInputStream(classes.resolve("module-info.class"))) {
            assertNotNull(in, "module-info.class is compiled into the jar");
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertEquals("dev.guarded.core", d.name());
            Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
            assertEquals(Set.of("dev.guarded.sync", "dev.guarded.annotation"), exported);
            assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        }
    }
}
