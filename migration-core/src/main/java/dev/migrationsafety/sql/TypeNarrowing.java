package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a column type change narrows what the column can hold: a shorter string type, a smaller integer, fewer
 * digits or decimal places, a less precise float or timestamp, a date instead of a timestamp. Only types of one
 * family are compared (a string to an integer is a conversion, not a narrowing); a type this class does not know is
 * never narrowing.
 */
final class TypeNarrowing {
    /** Words after a type that do not change what it holds (or, for unsigned, are read separately). */
    private static final List<String> SUFFIXES =
            List.of("zerofill", "unsigned", "signed", "with time zone", "without time zone");

    private static final long UNBOUNDED = Long.MAX_VALUE;

    private TypeNarrowing() {}

    enum Family {
        TEXT,
        INTEGER,
        DECIMAL,
        FLOAT,
        TIMESTAMP,
        TIME,
        DATE
    }

    /**
     * A type as far as narrowing goes.
     *
     * @param size characters (TEXT), bytes (INTEGER, FLOAT), total digits (DECIMAL), fractional second digits
     *     (TIMESTAMP, TIME); {@link #UNBOUNDED} when there is no limit
     * @param scale decimal places (DECIMAL)
     */
    record Type(String text, Family family, long size, int scale, boolean unsigned) {
        boolean bounded() {
            return size != UNBOUNDED;
        }
    }

    /** The type, or {@code null} when it is not one this class compares. */
    static Type parse(String text, Dialect dialect) {
        if (text == null || text.isBlank() || text.contains("[")) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean unsigned = false;
        for (String suffix : SUFFIXES) {
            if (t.endsWith(" " + suffix)) {
                unsigned |= suffix.equals("unsigned");
                t = t.substring(0, t.length() - suffix.length() - 1).strip();
            }
        }
        t = t.replace(" unsigned", "").replace(" zerofill", "");
        int open = t.indexOf('(');
        String base = (open < 0 ? t : t.substring(0, open)).strip();
        List<Long> args = new ArrayList<>(2);
        if (open >= 0) {
            int close = t.indexOf(')', open);
            if (close < 0 || !t.substring(close + 1).isBlank()) {
                return null;
            }
            for (String arg : t.substring(open + 1, close).split(",")) {
                try {
                    args.add(Long.parseLong(arg.strip()));
                } catch (NumberFormatException e) {
                    return null; // varchar(max), a placeholder, ...
                }
            }
        }
        String text0 = text.strip();
        long first = args.isEmpty() ? -1 : args.get(0);
        boolean mysql = dialect == Dialect.MYSQL;
        switch (base) {
            case "varchar", "character varying", "nvarchar", "varchar2", "nvarchar2", "national character varying" -> {
                return new Type(text0, Family.TEXT, first < 0 ? UNBOUNDED : first, 0, false);
            }
            case "char", "character", "nchar", "bpchar", "national character" -> {
                return new Type(text0, Family.TEXT, first < 0 ? 1 : first, 0, false);
            }
            case "text", "citext", "clob", "string" -> {
                return new Type(text0, Family.TEXT, mysql && base.equals("text") ? 65_535 : UNBOUNDED, 0, false);
            }
            case "tinytext" -> {
                return new Type(text0, Family.TEXT, 255, 0, false);
            }
            case "mediumtext" -> {
                return new Type(text0, Family.TEXT, 16_777_215, 0, false);
            }
            case "longtext" -> {
                return new Type(text0, Family.TEXT, 4_294_967_295L, 0, false);
            }
            case "tinyint", "int1" -> {
                return integer(text0, 1, unsigned);
            }
            case "smallint", "int2", "smallserial", "serial2" -> {
                return integer(text0, 2, unsigned);
            }
            case "mediumint", "int3" -> {
                return integer(text0, 3, unsigned);
            }
            case "int", "integer", "int4", "serial", "serial4" -> {
                return integer(text0, 4, unsigned);
            }
            case "bigint", "int8", "bigserial", "serial8" -> {
                return integer(text0, 8, unsigned);
            }
            case "numeric", "decimal", "dec", "fixed" -> {
                if (args.isEmpty()) {
                    // PostgreSQL: any precision; MySQL: decimal(10,0)
                    return mysql
                            ? new Type(text0, Family.DECIMAL, 10, 0, unsigned)
                            : new Type(text0, Family.DECIMAL, UNBOUNDED, 0, false);
                }
                int scale = args.size() > 1 ? args.get(1).intValue() : 0;
                return new Type(text0, Family.DECIMAL, first, scale, unsigned);
            }
            case "real", "float4" -> {
                return new Type(text0, Family.FLOAT, 4, 0, false);
            }
            case "double", "double precision", "float8" -> {
                return new Type(text0, Family.FLOAT, 8, 0, false);
            }
            case "float" -> {
                // PostgreSQL float is float8, float(p) a real up to p = 24; MySQL FLOAT is 4 bytes, FLOAT(p > 24) 8
                boolean small = first >= 0 ? first <= 24 : mysql;
                return new Type(text0, Family.FLOAT, small ? 4 : 8, 0, false);
            }
            case "timestamp", "timestamptz", "datetime", "timestamp with time zone", "timestamp without time zone" -> {
                return new Type(text0, Family.TIMESTAMP, first >= 0 ? first : mysql ? 0 : 6, 0, false);
            }
            case "time", "timetz" -> {
                return new Type(text0, Family.TIME, first >= 0 ? first : mysql ? 0 : 6, 0, false);
            }
            case "date" -> {
                return new Type(text0, Family.DATE, 0, 0, false);
            }
            default -> {
                return null;
            }
        }
    }

    private static Type integer(String text, int bytes, boolean unsigned) {
        return new Type(text, Family.INTEGER, bytes, 0, unsigned);
    }

    /**
     * Why changing {@code from} to {@code to} loses or rejects values, e.g. {@code "varchar(200) -> varchar(50)
     * truncates or rejects values longer than 50 characters"}; {@code null} when it does not narrow (or either type
     * is not one this class knows).
     */
    static String narrowing(String from, String to, Dialect dialect) {
        Type a = parse(from, dialect);
        Type b = parse(to, dialect);
        if (a == null || b == null) {
            return null;
        }
        String change = a.text() + " -> " + b.text();
        switch (a.family()) {
            case TEXT -> {
                if (b.family() == Family.TEXT && b.size() < a.size()) {
                    return change + " truncates or rejects values longer than " + b.size() + " characters";
                }
            }
            case INTEGER -> {
                if (b.family() == Family.INTEGER
                        && (b.size() < a.size()
                                || (b.unsigned() && !a.unsigned())
                                || (a.unsigned() && !b.unsigned() && b.size() <= a.size()))) {
                    return change + " rejects or clips values outside the smaller range";
                }
                if (b.family() == Family.DECIMAL && b.size() - b.scale() < integerDigits(a.size())) {
                    return change + " rejects or clips values with more than " + (b.size() - b.scale()) + " digits";
                }
            }
            case DECIMAL -> {
                if (b.family() == Family.DECIMAL) {
                    if (b.scale() < a.scale()) {
                        return change + " rounds values to " + b.scale() + " decimal places";
                    }
                    if (b.bounded() && (!a.bounded() || b.size() - b.scale() < a.size() - a.scale())) {
                        return change + " rejects or clips values with more than " + (b.size() - b.scale())
                                + " integer digits";
                    }
                } else if (b.family() == Family.INTEGER) {
                    if (a.scale() > 0 || !a.bounded()) {
                        return change + " drops the decimal places";
                    }
                    if (integerDigits(b.size()) < a.size()) {
                        return change + " rejects or clips values outside the smaller range";
                    }
                }
            }
            case FLOAT -> {
                if (b.family() == Family.FLOAT && b.size() < a.size()) {
                    return change + " keeps fewer significant digits";
                }
                if (b.family() == Family.INTEGER || b.family() == Family.DECIMAL) {
                    return change + " drops or rounds the fractional part";
                }
            }
            case TIMESTAMP, TIME -> {
                if (b.family() == a.family() && b.size() < a.size()) {
                    return change + " rounds to " + b.size() + " fractional digits of a second";
                }
                if (a.family() == Family.TIMESTAMP && b.family() == Family.DATE) {
                    return change + " drops the time of day";
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether PostgreSQL changes {@code from} to {@code to} in place, without rewriting the table or touching a
     * value: a {@code varchar} made longer or unbounded, or {@code varchar} and {@code text} into each other
     * (binary-coercible types; the new limit, if any, is at least the old one).
     */
    static boolean widensInPlace(String from, String to) {
        Type a = parse(from, Dialect.POSTGRESQL);
        Type b = parse(to, Dialect.POSTGRESQL);
        return a != null && b != null && varcharOrText(a) && varcharOrText(b) && b.size() >= a.size();
    }

    private static boolean varcharOrText(Type t) {
        String base = t.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int open = base.indexOf('(');
        base = (open < 0 ? base : base.substring(0, open)).strip();
        return base.equals("varchar") || base.equals("character varying") || base.equals("text");
    }

    /** The decimal digits an integer of this many bytes may need. */
    private static long integerDigits(long bytes) {
        return bytes >= 8 ? 19 : bytes >= 4 ? 10 : bytes >= 3 ? 8 : bytes >= 2 ? 5 : 3;
    }
}
