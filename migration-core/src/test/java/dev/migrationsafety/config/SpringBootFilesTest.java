package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringBootFilesTest {

    @Test
    void propertiesInRelaxedSpellingsAndIndexedLists() {
        ConfigSource source = SpringBootFiles.properties(
                """
                spring.datasource.url=${DATABASE_URL:jdbc:postgresql://localhost:5432/app}
                spring.datasource.username=app
                spring.flyway.locations[0]=classpath:db/changes
                spring.flyway.locations[1]=classpath:db/{vendor}
                spring.flyway.sql-migration-prefix=V
                spring.flyway.SQL_MIGRATION_SEPARATOR=__
                spring.flyway.placeholders.tableOwner=app
                spring.jpa.open-in-view=false
                """,
                "src/main/resources/application.properties");
        Map<String, Setting> s = source.settings();
        String file = "src/main/resources/application.properties:";
        assertEquals(new Setting("jdbc:postgresql://localhost:5432/app", file + "1"), s.get("url"));
        assertEquals(new Setting("app", file + "2"), s.get("user"));
        assertEquals(new Setting("classpath:db/changes,classpath:db/{vendor}", file + "3"), s.get("locations"));
        assertEquals(new Setting("V", file + "5"), s.get("sqlMigrationPrefix"));
        assertEquals(new Setting("__", file + "6"), s.get("sqlMigrationSeparator"));
        assertEquals(new Setting("app", file + "7"), s.get("placeholders.tableOwner"));
    }

    @Test
    void flywayUrlWinsOverTheDatasource() {
        ConfigSource source = SpringBootFiles.properties(
                "spring.flyway.url=jdbc:mariadb://a/x\nspring.datasource.url=jdbc:postgresql://b/y\n", "a.properties");
        assertEquals(
                new Setting("jdbc:mariadb://a/x", "a.properties:1"),
                source.settings().get("url"));
    }

    @Test
    void yamlLeavesProfileDocumentsOut() {
        ConfigSource source = SpringBootFiles.yaml(
                """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost/app
                  flyway:
                    locations: classpath:db/changes
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                  datasource:
                    url: jdbc:h2:mem:test
                ---
                spring.flyway.table: history
                """,
                "application.yml");
        Map<String, Setting> s = source.settings();
        assertEquals(new Setting("jdbc:postgresql://localhost/app", "application.yml:3"), s.get("url"));
        assertEquals(new Setting("classpath:db/changes", "application.yml:5"), s.get("locations"));
        assertEquals(new Setting("history", "application.yml:14"), s.get("table"));
        assertNull(s.get("password"));
    }

    @Test
    void yamlAsApplicationsWriteIt() {
        ConfigSource source = SpringBootFiles.yaml(
                """
                spring:
                  application:
                    name: orders # the name
                  datasource:
                    # from the environment, with a default for local runs
                    url: jdbc:postgresql://${POSTGRES_HOST}:5432/${POSTGRES_DB}
                    username: ${POSTGRES_USER:postgres}
                    password: ${POSTGRES_PASSWORD:Sql@4321}

                  jpa:
                    properties:
                      hibernate:
                        dialect: org.hibernate.dialect.PostgreSQLDialect
                  flyway:
                    enabled: true
                    locations: classpath:db/migration
                    baseline-on-migrate: true
                logging:
                  pattern:
                    console: "%d{HH:mm:ss} %-5level %msg%n"
                management:
                  endpoints:
                    web:
                      exposure:
                        include: health, refresh
                app:
                  version: @project.version@
                  cors: ["http://localhost:3000", 'https://example.org']
                  banner: >-
                    folded
                    text
                ---
                spring:
                  config:
                    activate:
                      on-profile: local
                  flyway:
                    locations: classpath:db/migration,classpath:db/migration-local
                """,
                "application.yml");
        Map<String, Setting> s = source.settings();
        assertEquals(
                new Setting("jdbc:postgresql://${POSTGRES_HOST}:5432/${POSTGRES_DB}", "application.yml:6"),
                s.get("url"));
        assertEquals(new Setting("postgres", "application.yml:7"), s.get("user"));
        assertEquals(new Setting("classpath:db/migration", "application.yml:16"), s.get("locations"));
        assertEquals(
                "postgresql",
                EffectiveConfiguration.vendor(EffectiveConfiguration.resolve(java.util.List.of(source))
                        .url()));
    }
}
