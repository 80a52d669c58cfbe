package dev.migrationsafety.sql;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Casts and order of constants, for {@link ConstantConditions}. Only exact casts are made ({@code true::boolean},
 * {@code '1'::int}, {@code CAST(1 AS boolean)}, {@code 'x'::text}); any other cast of a constant is unknown.
 */
final class Folding {
    private static final Set<String> BOOLEAN = Set.of("boolean", "bool");
    private static final Set<String> INTEGER =
            Set.of("int", "integer", "int2", "int4", "int8", "smallint", "bigint", "signed");
    private static final Set<String> TEXT = Set.of("text", "varchar", "character varying");

    private Folding() {}

    /** {@code value} (not null) cast to {@code type} (lower case), or {@code unknown}. */
    static Object cast(Object value, String type, Dialect dialect, Object unknown) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        if (BOOLEAN.contains(t) && dialect == Dialect.POSTGRESQL) {
            if (value instanceof Boolean) {
                return value;
            }
            if (value instanceof String s) {
                Boolean b = postgresBoolean(s);
                return b == null ? unknown : b;
            }
            BigDecimal n = integral(value);
            return n == null ? unknown : n.signum() != 0; // int -> boolean
        }
        if (INTEGER.contains(t)) {
            if (value instanceof Boolean b && dialect == Dialect.POSTGRESQL) {
                return b ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            BigDecimal n = value instanceof String s ? parse(s) : integral(value);
            return n == null ? unknown : n;
        }
        if (TEXT.contains(t) && value instanceof String) {
            return value;
        }
        return unknown;
    }

    /** The order of two non-null constants (numbers, booleans), or {@code null} when they cannot be compared. */
    static Integer order(Object l, Object r, Dialect dialect) {
        BigDecimal a = number(l, r, dialect);
        BigDecimal b = number(r, l, dialect);
        if (a != null && b != null) {
            return Integer.signum(a.compareTo(b));
        }
        if (l instanceof Boolean x && r instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return null;
    }

    /** {@code v} as a number when comparing it with {@code other} converts it to one, else {@code null}. */
    private static BigDecimal number(Object v, Object other, Dialect dialect) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Boolean b && (dialect == Dialect.MYSQL) && !(other instanceof String)) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO; // MySQL: TRUE is 1
        }
        if (v instanceof String s && other instanceof BigDecimal) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** PostgreSQL's reading of a string as boolean, or {@code null} when it is not one. */
    static Boolean postgresBoolean(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "ye", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** An integral number as is; anything else (a fraction would be rounded) {@code null}. */
    private static BigDecimal integral(Object value) {
        if (value instanceof BigDecimal d && d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0 ? d : null;
    }

    private static BigDecimal parse(String s) {
        try {
            return integral(new BigDecimal(s.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
