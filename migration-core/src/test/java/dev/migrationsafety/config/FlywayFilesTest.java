package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlywayFilesTest {

    @Test
    void confReadsFlywayKeysOnly() {
        ConfigSource source = FlywayFiles.conf(
                """
                flyway.url=jdbc:mariadb://db:3306/app
                flyway.user=app
                flyway.password=secret
                flyway.locations=filesystem:sql/main,filesystem:sql/more
                flyway.placeholders.owner=app
                flyway.sqlMigrationPrefix=V
                flyway.cleanDisabled=true
                other.url=jdbc:h2:mem:x
                """,
                "conf/flyway.conf");
        Map<String, Setting> s = source.settings();
        assertEquals(new Setting("jdbc:mariadb://db:3306/app", "conf/flyway.conf:1"), s.get("url"));
        assertEquals(new Setting("app", "conf/flyway.conf:2"), s.get("user"));
        assertEquals(new Setting("filesystem:sql/main,filesystem:sql/more", "conf/flyway.conf:4"), s.get("locations"));
        assertEquals(new Setting("app", "conf/flyway.conf:5"), s.get("placeholders.owner"));
        assertEquals(
                java.util.List.of("url", "user", "password", "locations", "placeholders.owner", "sqlMigrationPrefix"),
                java.util.List.copyOf(s.keySet()));
    }

    @Test
    void tomlReadsTheChosenEnvironmentAndItsOverrides() {
        ConfigSource source = FlywayFiles.toml(
                """
                [environments.default]
                url = "jdbc:postgresql://localhost/app"
                user = "app"
                schemas = ["app"]

                [environments.ci]
                url = "jdbc:postgresql://ci/app"
                password = "x"

                [environments.ci.flyway]
                table = "ci_history"

                [flyway]
                environment = "ci"
                locations = ["filesystem:db/migration"]
                table = "history"

                [flyway.placeholders]
                owner = "app"
                """,
                "flyway.toml");
        Map<String, Setting> s = source.settings();
        assertEquals(new Setting("jdbc:postgresql://ci/app", "flyway.toml:7"), s.get("url"));
        assertEquals(null, s.get("user"));
        assertEquals(new Setting("ci_history", "flyway.toml:11"), s.get("table"));
        assertEquals(new Setting("filesystem:db/migration", "flyway.toml:15"), s.get("locations"));
        assertEquals(new Setting("app", "flyway.toml:19"), s.get("placeholders.owner"));
    }

    @Test
    void tomlDefaultEnvironment() {
        ConfigSource source = FlywayFiles.toml(
                "[environments.default]\nurl = \"jdbc:h2:mem:app\"\nschemas = [\"a\", \"b\"]\n", "flyway.toml");
        assertEquals(
                new Setting("jdbc:h2:mem:app", "flyway.toml:2"),
                source.settings().get("url"));
        assertEquals(new Setting("a,b", "flyway.toml:3"), source.settings().get("schemas"));
    }
}
