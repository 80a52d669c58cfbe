package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every check of the catalogue is documented in docs/checks/README.md, with its severity and an example. */
class CheckCatalogueDocsTest {
    @Test
    void everyCheckHasARowWithItsSeverityAndASectionWithAnExample() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "checks", "README.md"), StandardCharsets.UTF_8);
        for (Check c : Check.values()) {
            String row = "| [" + c.id() + "](#" + c.id() + ") | " + c.severity().id();
            assertTrue(docs.contains(row), "docs/checks/README.md has no table row '" + row + "'");
            int section = docs.indexOf("\n## " + c.id() + "\n");
            assertTrue(section >= 0, "docs/checks/README.md has no section '## " + c.id() + "'");
            int next = docs.indexOf("\n## ", section + 1);
            String body = docs.substring(section, next < 0 ? docs.length() : next);
            assertTrue(body.contains("```sql"), "the section of " + c.id() + " has no SQL example");
            assertTrue(body.contains("**Why"), "the section of " + c.id() + " does not say why");
            assertTrue(body.contains("**Safe way"), "the section of " + c.id() + " has no safe way");
        }
    }
}
