package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlTextTest {

    @Test
    void readsNestedMappingsSequencesAndScalars() {
        String text =
                """
                # application.yml
                server:
                  port: 8080
                spring:
                  datasource:
                    url: "jdbc:postgresql://localhost:5432/app"   # the database
                    username: app
                  flyway:
                    locations:
                    - classpath:db/changes
                    - 'filesystem:more'
                    schemas: [public, "audit"]
                    placeholders: {owner: app, tab: x}
                    sql-migration-prefix: V
                    description: a value that goes
                      on over two lines
                    init-sqls: |
                      SET a = 1;
                      SET b = 2;
                  cloud:
                    gateway:
                      routes:
                        - id: one
                          uri: http://a
                        - id: two
                          uri: http://b
                anchors:
                  base: &base
                    x: 1
                  other:
                    <<: *base
                    y: !!str 2
                """;
        List<Map<String, PropertiesText.Entry>> docs = YamlText.parse(text, "application.yml");
        assertEquals(1, docs.size());
        Map<String, PropertiesText.Entry> e = docs.get(0);
        assertEquals("8080", e.get("server.port").value());
        assertEquals(
                "jdbc:postgresql://localhost:5432/app",
                e.get("spring.datasource.url").value());
        assertEquals(6, e.get("spring.datasource.url").line());
        assertEquals(
                "classpath:db/changes,filesystem:more",
                e.get("spring.flyway.locations").value());
        assertEquals(9, e.get("spring.flyway.locations").line());
        assertEquals("public,audit", e.get("spring.flyway.schemas").value());
        assertEquals("app", e.get("spring.flyway.placeholders.owner").value());
        assertEquals("V", e.get("spring.flyway.sql-migration-prefix").value());
        assertEquals(
                "a value that goes on over two lines",
                e.get("spring.flyway.description").value());
        assertEquals("SET a = 1;\nSET b = 2;", e.get("spring.flyway.init-sqls").value());
        assertEquals("two", e.get("spring.cloud.gateway.routes[1].id").value());
        assertEquals("http://b", e.get("spring.cloud.gateway.routes[1].uri").value());
        assertEquals("1", e.get("anchors.base.x").value());
        assertEquals("2", e.get("anchors.other.y").value());
    }

    @Test
    void documentsAreSeparate() {
        List<Map<String, PropertiesText.Entry>> docs =
                YamlText.parse("a: 1\n---\nspring:\n  profiles: test\nb: 2\n", "application.yml");
        assertEquals(2, docs.size());
        assertEquals("1", docs.get(0).get("a").value());
        assertEquals("2", docs.get(1).get("b").value());
        assertEquals(5, docs.get(1).get("b").line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "spring:\\n  flyway:\\n    locations:classpath:db |application.yml:3: expected 'key: value', a list"
                        + " item '- value' or a comment, found 'locations:classpath:db' - put a space after the"
                        + " colon of key: value, indent a value that goes on from the line above under its key, or"
                        + " start the line with # to make it a comment",
                "spring:\\n\\tflyway: x |application.yml:2: the line is indented with a tab - indent YAML with"
                        + " spaces only",
                "a: [x, y\\nb: 1 |application.yml:1: the list is not closed - close it with ]",
                "a: 'x' y |application.yml:1: unexpected 'y' after the value - write it as [a, b], {key: value} or"
                        + " a quoted string",
            })
    void malformedInputNamesTheLineAndTheFix(String text, String message) {
        ConfigFileException e = assertThrows(
                ConfigFileException.class,
                () -> YamlText.parse(text.replace("\\n", "\n").replace("\\t", "\t"), "application.yml"));
        assertEquals(message, e.getMessage());
    }
}
