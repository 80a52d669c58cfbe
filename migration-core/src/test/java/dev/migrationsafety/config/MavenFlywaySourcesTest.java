package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MavenFlywaySourcesTest {

    private record Node(String name, String value, List<MavenFlywaySources.Element> children)
            implements MavenFlywaySources.Element {
        static Node text(String name, String value) {
            return new Node(name, value, List.of());
        }

        static Node of(String name, MavenFlywaySources.Element... children) {
            return new Node(name, null, List.of(children));
        }
    }

    @Test
    void pluginConfigurationListsPlaceholdersAndExecutions() {
        Node plugin = Node.of(
                "configuration",
                Node.text("url", " jdbc:postgresql://db/app "),
                Node.of("locations", Node.text("location", "filesystem:a"), Node.text("location", "classpath:b")),
                Node.of("placeholders", Node.text("owner", "app"), Node.text("empty", null)),
                Node.text("cleanDisabled", "true"));
        Node execution = Node.of("configuration", Node.text("url", "jdbc:h2:mem:x"), Node.text("table", "history"));
        ConfigSource source = MavenFlywaySources.pom(List.of(plugin, execution));
        String pom = MavenFlywaySources.POM_LABEL;
        assertEquals(
                Map.of(
                        "url", new Setting("jdbc:postgresql://db/app", pom),
                        "locations", new Setting("filesystem:a,classpath:b", pom),
                        "placeholders.owner", new Setting("app", pom),
                        "placeholders.empty", new Setting("", pom),
                        "table", new Setting("history", pom)),
                source.settings());
    }

    @Test
    void theFirstPropertyLayerWins() {
        Properties user = new Properties();
        user.setProperty("flyway.locations", "filesystem:cli");
        Properties project = new Properties();
        project.setProperty("flyway.locations", "filesystem:pom");
        project.setProperty("flyway.placeholders.owner", "app");
        project.setProperty("other", "x");
        ConfigSource source = MavenFlywaySources.properties(java.util.Arrays.asList(user, null, project));
        assertEquals(
                Map.of(
                        "locations", new Setting("filesystem:cli", "property flyway.locations"),
                        "placeholders.owner", new Setting("app", "property flyway.placeholders.owner")),
                source.settings());
    }
}
