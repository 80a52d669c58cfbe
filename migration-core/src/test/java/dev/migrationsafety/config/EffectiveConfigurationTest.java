package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.FlywayNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigurationTest {

    private static ConfigSource source(String label, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return ConfigSource.of(label, values);
    }

    @Test
    void theFirstSourceThatSetsAValueWinsAndDefaultsFillTheRest() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve(List.of(
                source("plugin parameter"),
                source("flyway-maven-plugin in pom.xml", "locations", "filesystem:db/migration", "url", ""),
                source(
                        "flyway.toml",
                        "locations",
                        "classpath:ignored",
                        "url",
                        "jdbc:postgresql://u:pw@db/app?password=pw",
                        "password",
                        "pw",
                        "placeholders.owner",
                        "toml"),
                source(
                        "flyway.conf",
                        "placeholders.owner",
                        "conf",
                        "placeholders.schema",
                        "app",
                        "placeholders.app_password",
                        "pw")));
        assertEquals(List.of("filesystem:db/migration"), c.locations());
        assertEquals(Map.of("owner", "toml", "schema", "app", "app_password", "pw"), c.placeholders());
        assertEquals(
                List.of(
                        "locations = filesystem:db/migration  (flyway-maven-plugin in pom.xml)",
                        "schemas = (not set)",
                        "table = flyway_schema_history  (default)",
                        "sqlMigrationPrefix = V  (default)",
                        "sqlMigrationSeparator = __  (default)",
                        "sqlMigrationSuffixes = .sql  (default)",
                        "repeatableSqlMigrationPrefix = R  (default)",
                        "url = jdbc:postgresql://db/app?password=******  (flyway.toml)",
                        "user = (not set)",
                        "password = ******  (flyway.toml)",
                        "placeholders.app_password = ******  (flyway.conf)",
                        "placeholders.owner = toml  (flyway.toml)",
                        "placeholders.schema = app  (flyway.conf)"),
                c.describe());
        assertTrue(c.describe().stream().noneMatch(l -> l.contains("pw")));
        assertEquals(FlywayNaming.DEFAULT, c.naming());
    }

    @Test
    void vendorComesFromTheUrl() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve(List.of(source(
                "application.yml",
                "locations",
                "classpath:db/migration,classpath:db/{vendor}",
                "url",
                "jdbc:tc:mariadb:11:///app")));
        assertEquals(List.of("classpath:db/migration", "classpath:db/mariadb"), c.locations());
        assertEquals("postgresql", EffectiveConfiguration.vendor("jdbc:postgresql://x/y"));
        assertEquals("sqlserver", EffectiveConfiguration.vendor("jdbc:jtds:sqlserver://x"));
        assertEquals(null, EffectiveConfiguration.vendor("${DB_URL}"));
        assertEquals(null, EffectiveConfiguration.vendor("jdbc:${VENDOR}://h/db"));
        assertEquals("postgresql", EffectiveConfiguration.vendor("jdbc:postgresql://${DB_HOST}:5432/${DB_NAME}"));
    }

    @Test
    void vendorWithoutUrlIsAnErrorNamingWhere() {
        Map<String, Setting> settings = Map.of("locations", new Setting("classpath:db/{vendor}", "application.yml:4"));
        EffectiveConfiguration c =
                EffectiveConfiguration.resolve(List.of(new ConfigSource("application.yml", settings)));
        ConfigFileException e = assertThrows(ConfigFileException.class, c::locations);
        assertEquals(
                "application.yml:4: the location classpath:db/{vendor} holds {vendor}, which Spring Boot replaces"
                        + " with the database of the url, and no url is configured - set spring.datasource.url (or"
                        + " flyway.url), or give the locations without {vendor} with -Dmigration.locations=...",
                e.getMessage());
    }

    @Test
    void namingComesFromTheSources() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve(List.of(
                new ConfigSource("flyway.conf", Map.of("sqlMigrationPrefix", new Setting("M", "flyway.conf:2"))),
                new ConfigSource(
                        "application.yml",
                        Map.of(
                                "sqlMigrationSeparator",
                                new Setting("-", "application.yml:3"),
                                "sqlMigrationSuffixes",
                                new Setting(".pgsql, .sql", "application.yml:4"),
                                "repeatableSqlMigrationPrefix",
                                new Setting("RR", "application.yml:5")))));
        assertEquals(new FlywayNaming("M", "-", List.of(".pgsql", ".sql"), "RR"), c.naming());
    }

    @Test
    void illegalNamingIsAnErrorNamingTheSettingAndWhere() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve(List.of(new ConfigSource(
                "pom",
                Map.of(
                        "sqlMigrationPrefix",
                        new Setting("V-", "flyway-maven-plugin in pom.xml"),
                        "sqlMigrationSeparator",
                        new Setting("-", "flyway-maven-plugin in pom.xml")))));
        ConfigFileException e = assertThrows(ConfigFileException.class, c::naming);
        assertEquals(
                "flyway-maven-plugin in pom.xml: sqlMigrationPrefix 'V-' contains the separator '-', so no version"
                        + " could follow it - set sqlMigrationPrefix to a value Flyway can name files with (Flyway's"
                        + " default is V), or remove it",
                e.getMessage());

        EffectiveConfiguration same = EffectiveConfiguration.resolve(List.of(new ConfigSource(
                "flyway.toml", Map.of("repeatableSqlMigrationPrefix", new Setting("V", "flyway.toml:7")))));
        assertEquals(
                "flyway.toml:7: sqlMigrationPrefix and repeatableSqlMigrationPrefix are both 'V', so a versioned"
                        + " migration could not be told from a repeatable one - set repeatableSqlMigrationPrefix to a"
                        + " value Flyway can name files with (Flyway's default is R), or remove it",
                assertThrows(ConfigFileException.class, same::naming).getMessage());

        EffectiveConfiguration noSuffix = EffectiveConfiguration.resolve(List.of(
                new ConfigSource("flyway.conf", Map.of("sqlMigrationSuffixes", new Setting(" , ", "flyway.conf:3")))));
        assertEquals(
                "flyway.conf:3: sqlMigrationSuffixes is empty; Flyway needs at least one suffix such as .sql - set"
                        + " sqlMigrationSuffixes to a value Flyway can name files with (Flyway's default is .sql), or"
                        + " remove it",
                assertThrows(ConfigFileException.class, noSuffix::naming).getMessage());
    }

    @Test
    void filesAreFoundInPrecedenceOrder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("flyway.toml"), "[flyway]\ntable = \"toml\"\n");
        Files.writeString(dir.resolve("conf/flyway.conf"), "flyway.table=conf\nflyway.user=conf\n");
        Files.writeString(
                dir.resolve("src/main/resources/application.yml"),
                "spring:\n  flyway:\n    user: spring\n    schemas: app\n    table: spring\n");
        Files.createDirectories(dir.resolve("src/main/resources/config"));
        Files.writeString(dir.resolve("src/main/resources/config/application.properties"), "spring.flyway.table=x\n");
        List<ConfigSource> sources = ProjectConfigFiles.read(dir, List.of());
        assertEquals(
                List.of(
                        "flyway.toml",
                        "conf/flyway.conf",
                        "src/main/resources/config/application.properties",
                        "src/main/resources/application.yml"),
                sources.stream().map(ConfigSource::label).toList());
        EffectiveConfiguration c = EffectiveConfiguration.resolve(sources);
        assertEquals(new Setting("toml", "flyway.toml:2"), c.setting("table"));
        assertEquals(new Setting("conf", "conf/flyway.conf:2"), c.setting("user"));
        assertEquals(new Setting("app", "src/main/resources/application.yml:4"), c.setting("schemas"));
    }
}
