package dev.migrationsafety.catalog;

import java.util.Locale;

/** The kinds of schema objects a snapshot records, in the order reports list them. */
public enum ObjectKind {
    EXTENSION,
    ENUM_TYPE,
    DOMAIN,
    SEQUENCE,
    TABLE,
    COLUMN,
    PRIMARY_KEY,
    UNIQUE_KEY,
    CHECK_CONSTRAINT,
    FOREIGN_KEY,
    INDEX,
    VIEW,
    FUNCTION,
    TRIGGER;

    /** How reports name the kind: {@code foreign key}, {@code enum type}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
