package dev.migrationsafety.report;

import java.util.Locale;

/** How bad a finding is. Ordered from most to least severe. */
public enum Severity {
    /** Data loss. */
    CRITICAL,
    /** An outage or a likely failure in production. */
    HIGH,
    MEDIUM,
    LOW;

    /** Whether this is at least as severe as the threshold. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code critical}, {@code HIGH}, ...; the message lists the accepted values. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown severity '" + text + "'; use one of critical, high, medium, low");
        }
    }
}
