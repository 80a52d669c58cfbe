package dev.migrationsafety.config;

import java.util.Objects;

/**
 * One configuration value and where it was read.
 *
 * @param value the value as written; lists are comma-separated, as in {@code flyway.conf}
 * @param origin where it came from, as the config goal prints it: {@code flyway.conf:3},
 *     {@code flyway-maven-plugin in pom.xml}, {@code default}
 */
public record Setting(String value, String origin) {
    public Setting {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
