package dev.migrationsafety.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and reads the files where Flyway users keep their configuration, highest precedence first:
 * {@code flyway.toml}, {@code conf/flyway.toml}, {@code flyway.conf}, {@code conf/flyway.conf} (all in the project
 * directory), then Spring Boot's {@code application.properties}, {@code application.yml} and
 * {@code application.yaml}, in {@code config/} first as Spring Boot ranks {@code classpath:/config/} over
 * {@code classpath:/}, each from the first resource directory that has it ({@code src/main/resources} by default).
 */
public final class ProjectConfigFiles {
    private static final List<String> SPRING_FILES = List.of(
            "config/application.properties",
            "config/application.yml",
            "config/application.yaml",
            "application.properties",
            "application.yml",
            "application.yaml");

    private ProjectConfigFiles() {}

    /**
     * @param resourceDirs the project's resource directories, relative or absolute; empty means
     *     {@code src/main/resources}
     * @return a source per file found, highest precedence first
     * @throws ConfigFileException for a file that cannot be read or parsed, naming the line
     */
    public static List<ConfigSource> read(Path baseDir, List<Path> resourceDirs) {
        List<ConfigSource> sources = new ArrayList<>();
        for (String name : List.of("flyway.toml", "conf/flyway.toml")) {
            Path file = baseDir.resolve(name);
            if (Files.isRegularFile(file)) {
                sources.add(FlywayFiles.toml(text(file, name), name));
            }
        }
        for (String name : List.of("flyway.conf", "conf/flyway.conf")) {
            Path file = baseDir.resolve(name);
            if (Files.isRegularFile(file)) {
                sources.add(FlywayFiles.conf(text(file, name), name));
            }
        }
        List<Path> resources = resourceDirs == null || resourceDirs.isEmpty()
                ? List.of(baseDir.resolve("src/main/resources"))
                : resourceDirs.stream().map(baseDir::resolve).toList();
        for (String name : SPRING_FILES) {
            for (Path dir : resources) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    String display = display(baseDir, file);
                    String text = text(file, display);
                    sources.add(
                            name.endsWith(".properties")
                                    ? SpringBootFiles.properties(text, display)
                                    : SpringBootFiles.yaml(text, display));
                    break;
                }
            }
        }
        return sources;
    }

    private static String text(Path file, String display) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot read " + display, again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display, e);
        }
    }

    private static String display(Path baseDir, Path file) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
