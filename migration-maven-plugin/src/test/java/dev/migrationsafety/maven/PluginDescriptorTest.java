package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code migration:help} shows, read from the plugin descriptor that maven-plugin-plugin generates before the
 * tests run: each goal lists the parameters it uses, and defaults read as Maven expressions.
 */
class PluginDescriptorTest {
    private static final Path DESCRIPTOR = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");

    @Test
    void namingParametersAreListedOnlyUnderTheGoalsThatNameMigrations() throws Exception {
        String xml = Files.readString(DESCRIPTOR, StandardCharsets.UTF_8);
        TreeMap<String, List<String>> byParameter = new TreeMap<>();
        Matcher mojo = Pattern.compile("<mojo>.*?</mojo>", Pattern.DOTALL).matcher(xml);
        while (mojo.find()) {
            String m = mojo.group();
            String goal = between(m, "<goal>", "</goal>");
            String parameters = between(m, "<parameters>", "</parameters>");
            Matcher name = Pattern.compile("<name>([^<]+)</name>").matcher(parameters);
            while (name.find()) {
                byParameter
                        .computeIfAbsent(name.group(1), k -> new ArrayList<>())
                        .add(goal);
            }
        }
        assertEquals(
                List.of("new", "rebase"),
                byParameter.get("timestampPattern").stream().sorted().toList());
        assertEquals(List.of("new"), byParameter.get("maxSlugLength"));
    }

    @Test
    void helpShowsDefaultsAsMavenExpressions() throws Exception {
        String xml = Files.readString(DESCRIPTOR, StandardCharsets.UTF_8);
        assertFalse(xml.contains("${project.build.directory/"), "a default in a description lost its '}'");
    }

    private static String between(String text, String open, String close) {
        int a = text.indexOf(open);
        if (a < 0) {
            return "";
        }
        int b = text.indexOf(close, a);
        return text.substring(a + open.length(), b);
    }
}
