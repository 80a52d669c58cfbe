package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TomlTextTest {

    @Test
    void readsTablesStringsArraysAndInlineTables() {
        String text =
                """
                # Flyway's TOML
                [environments.default]
                url = "jdbc:postgresql://localhost:5432/app" # trailing comment
                user = 'app'
                schemas = ["public", "audit"]
                port = 5432
                enabled = true

                [flyway]
                locations = [
                  "filesystem:db/migration", # first
                  "classpath:db/more",
                ]
                placeholders = { owner = "app", "tab.name" = 'x' }
                initSql = \"""
                SET a = 1;\"""
                "quoted key".x = "\\u0041\\t"
                created = 1979-05-27 07:32:00Z
                """;
        Map<String, PropertiesText.Entry> e = TomlText.parse(text, "flyway.toml");
        assertEquals(
                "jdbc:postgresql://localhost:5432/app",
                e.get("environments.default.url").value());
        assertEquals(3, e.get("environments.default.url").line());
        assertEquals("app", e.get("environments.default.user").value());
        assertEquals("public,audit", e.get("environments.default.schemas").value());
        assertEquals("5432", e.get("environments.default.port").value());
        assertEquals(
                "filesystem:db/migration,classpath:db/more",
                e.get("flyway.locations").value());
        assertEquals(10, e.get("flyway.locations").line());
        assertEquals("app", e.get("flyway.placeholders.owner").value());
        assertEquals("x", e.get("flyway.placeholders.tab.name").value());
        assertEquals("SET a = 1;", e.get("flyway.initSql").value());
        assertEquals("A\t", e.get("flyway.quoted key.x").value());
        assertEquals(17, e.get("flyway.quoted key.x").line());
        assertEquals("1979-05-27 07:32:00Z", e.get("flyway.created").value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[flyway]\\nlocations = filesystem:db |flyway.toml:2: the value filesystem:db is not quoted - write text"
                        + " in double quotes, e.g. \"filesystem:db\"",
                "[flyway\\nx = 1 |flyway.toml:1: expected ], found the end of the line - close the table name with ]",
                "a = 1\\na = 2 |flyway.toml:2: 'a' is set twice (first on line 1) - keep one of them; TOML does not"
                        + " allow a key twice",
                "url = \"jdbc:x |flyway.toml:1: the string is not closed on its line - end it with \" (or use \"\"\""
                        + " for text over several lines)",
                "[x]\\nlocations = [\"a\",\\n |flyway.toml:2: the array is not closed - close it with ] after its"
                        + " last value",
                "a = 1 b = 2 |flyway.toml:1: unexpected 'b = 2' after the value - put each setting on its own line;"
                        + " text after a value must be a # comment",
                "just text |flyway.toml:1: expected =, found 'text' - write key = value",
                "[[flyway.x]] |flyway.toml:1: arrays of tables ([[...]]) are not part of Flyway's configuration -"
                        + " remove it from flyway.toml, or turn off reading Flyway's files with"
                        + " -Dmigration.flywayConfig=false",
                "a = \"C:\\dir\" |flyway.toml:1: '\\d' is not a TOML escape - write a backslash as \\\\, or use single"
                        + " quotes for text with backslashes, e.g. 'C:\\dir'",
            })
    void malformedInputNamesTheLineAndTheFix(String text, String message) {
        ConfigFileException e =
                assertThrows(ConfigFileException.class, () -> TomlText.parse(text.replace("\\n", "\n"), "flyway.toml"));
        assertEquals(message, e.getMessage());
    }
}
