package dev.migrationsafety.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A migration version with Flyway's semantics: parts separated by {@code .} or {@code _}, each a non-negative
 * integer; parts compare numerically, leading zeros and trailing zero parts do not count, so {@code 1},
 * {@code 1.0}, {@code 1_0} and {@code 001} are the same version.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
    private final String text;
    private final List<BigInteger> parts;

    private MigrationVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a version as written in a file name.
     *
     * @throws IllegalArgumentException naming what is wrong, when Flyway would not accept it
     */
    public static MigrationVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the version is empty");
        }
        String dotted = text.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= dotted.length(); i++) {
            if (i == dotted.length() || dotted.charAt(i) == '.') {
                if (i == start) {
                    throw new IllegalArgumentException(
                            "version '" + text + "' has an empty part; separate numbers with a single '.' or '_'");
                }
                parts.add(new BigInteger(dotted.substring(start, i)));
                start = i + 1;
            } else {
                char c = dotted.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("version '" + text + "' contains '" + c
                            + "'; a version may only contain digits separated by '.' or '_'");
                }
            }
        }
        int size = parts.size();
        while (size > 1 && parts.get(size - 1).signum() == 0) {
            size--;
        }
        return new MigrationVersion(text, List.copyOf(parts.subList(0, size)));
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The version exactly as written in the file name, e.g. {@code 20260129_143052}. */
    public String text() {
        return text;
    }

    /** The version as Flyway prints it: separators as dots, e.g. {@code 20260129.143052}. */
    public String dotted() {
        return text.replace('_', '.');
    }

    /** The numeric parts without trailing zero parts. */
    public List<BigInteger> parts() {
        return parts;
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public boolean isNewerThan(MigrationVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The canonical form: parts joined by dots, without leading zeros or trailing zero parts. */
    public String canonical() {
        return parts.stream().map(BigInteger::toString).collect(Collectors.joining("."));
    }

    @Override
    public String toString() {
        return dotted();
    }
}
