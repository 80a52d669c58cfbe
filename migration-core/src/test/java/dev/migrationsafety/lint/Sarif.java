package dev.migrationsafety.lint;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** Validates SARIF text against the published SARIF 2.1.0 JSON schema (a copy in the test resources). */
final class Sarif {
    private static JsonSchema schema;

    private Sarif() {}

    static synchronized Set<ValidationMessage> validate(String sarif) throws IOException {
        if (schema == null) {
            try (InputStream in = Sarif.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(in);
            }
        }
        return schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif));
    }
}
