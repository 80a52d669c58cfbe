package dev.migrationsafety.migration;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How new migrations are named: {@code V<timestamp>__<slug>.sql} with the timestamp in UTC and the slug in lower
 * snake case. Shared by the generator ({@code migration:new}) and the naming rule, so that what one writes the
 * other accepts.
 *
 * @param timestampPattern a {@link DateTimeFormatter} pattern whose output Flyway reads as a version (digits
 *     separated by {@code _} or {@code .}) and that orders like time, down to the second; default
 *     {@code yyyyMMddHHmmss}
 * @param maxSlugLength the longest slug accepted (and generated: longer descriptions are cut at a word)
 */
public record NamingPolicy(String timestampPattern, int maxSlugLength) {
    public static final String DEFAULT_TIMESTAMP_PATTERN = "yyyyMMddHHmmss";
    public static final int DEFAULT_MAX_SLUG_LENGTH = 64;
    public static final NamingPolicy DEFAULT = new NamingPolicy(DEFAULT_TIMESTAMP_PATTERN, DEFAULT_MAX_SLUG_LENGTH);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");

    public NamingPolicy {
        if (maxSlugLength < 8 || maxSlugLength > 200) {
            throw new IllegalArgumentException(
                    "maxSlugLength " + maxSlugLength + " is out of range; use a value from 8 to 200");
        }
        validatePattern(timestampPattern);
    }

    private static void validatePattern(String pattern) {
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("timestamp pattern '" + pattern + "' is not a valid date-time pattern ("
                    + e.getMessage() + "); use e.g. " + DEFAULT_TIMESTAMP_PATTERN + " or yyyyMMdd_HHmmss");
        }
        // The versions it produces must be Flyway versions, distinct per second and ordered like time.
        Instant[] samples = {
            Instant.parse("2009-12-31T23:59:58Z"),
            Instant.parse("2009-12-31T23:59:59Z"),
            Instant.parse("2010-01-01T00:00:00Z"),
            Instant.parse("2019-12-28T12:00:00Z"), // week-based years (YYYY) turn over before 1 January
            Instant.parse("2019-12-31T12:00:00Z"),
            Instant.parse("2020-01-01T12:00:00Z"),
            Instant.parse("2026-01-29T11:59:59Z"), // a 12-hour clock (hh) runs backwards after noon
            Instant.parse("2026-01-29T12:59:59Z"),
            Instant.parse("2026-01-29T13:00:00Z"),
            Instant.parse("2026-01-29T14:30:52Z"),
            Instant.parse("2026-10-02T09:08:07Z"),
            Instant.parse("2099-12-31T23:59:59Z")
        };
        MigrationVersion previous = null;
        for (Instant sample : samples) {
            String text = formatter.format(sample);
            MigrationVersion version;
            try {
                version = MigrationVersion.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timestamp pattern '" + pattern + "' gives '" + text
                        + "', which Flyway cannot read as a version: use only digits and '_' or '.' separators, "
                        + "e.g. " + DEFAULT_TIMESTAMP_PATTERN + " or yyyyMMdd_HHmmss");
            }
            if (previous != null && !version.isNewerThan(previous)) {
                throw new IllegalArgumentException("timestamp pattern '" + pattern
                        + "' does not order versions like time down to the second; write the fields from year to "
                        + "second, e.g. " + DEFAULT_TIMESTAMP_PATTERN + " or yyyyMMdd_HHmmss");
            }
            previous = version;
        }
    }

    private DateTimeFormatter formatter() {
        return DateTimeFormatter.ofPattern(timestampPattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    /** The version text for an instant, as written in the file name, e.g. {@code 20261121143052}. */
    public String versionText(Instant instant) {
        return formatter().format(instant);
    }

    /** The instant a version written by this policy stands for, or empty if the version is not in its format. */
    public Optional<Instant> timestampOf(MigrationVersion version) {
        try {
            LocalDateTime time = LocalDateTime.parse(version.text(), formatter());
            Instant instant = time.toInstant(ZoneOffset.UTC);
            // reject texts that parse leniently but would not be written like this
            return versionText(instant).equals(version.text()) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Turns a free-text description into a slug: accents removed, lower case, every run of other characters one
     * underscore, cut at a word boundary to {@link #maxSlugLength()}.
     *
     * @throws IllegalArgumentException when nothing usable is left, saying what is accepted
     */
    public String slug(String description) {
        String text = description == null ? "" : description.strip();
        StringBuilder ascii = new StringBuilder(text.length());
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFKD).toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            ascii.append(
                    switch (c) {
                        case 'ß' -> "ss";
                        case 'æ', 'Æ' -> "ae";
                        case 'œ', 'Œ' -> "oe";
                        case 'ø', 'Ø' -> "o";
                        case 'ł', 'Ł' -> "l";
                        case 'đ', 'Đ', 'ð', 'Ð' -> "d";
                        case 'þ', 'Þ' -> "th";
                        default -> String.valueOf(c);
                    });
        }
        StringBuilder slug = new StringBuilder();
        boolean pendingSeparator = false;
        for (char c : ascii.toString().toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingSeparator && slug.length() > 0) {
                    slug.append('_');
                }
                slug.append(c);
                pendingSeparator = false;
            } else {
                pendingSeparator = true;
            }
        }
        if (slug.length() == 0) {
            throw new IllegalArgumentException("the name '" + (description == null ? "" : description)
                    + "' has no letters or digits to build a file name from; give a short description such as "
                    + "\"Add user preferences\" (letters a-z, digits 0-9; accents are removed, other characters "
                    + "become '_')");
        }
        String result = slug.toString();
        if (result.length() > maxSlugLength) {
            boolean atWordEnd = result.charAt(maxSlugLength) == '_';
            result = result.substring(0, maxSlugLength);
            int cut = result.lastIndexOf('_');
            if (!atWordEnd && cut >= maxSlugLength / 2) {
                result = result.substring(0, cut);
            }
            while (result.endsWith("_")) {
                result = result.substring(0, result.length() - 1);
            }
        }
        return result;
    }

    /** Whether text is already a slug this policy accepts. */
    public boolean isSlug(String text) {
        return text.length() <= maxSlugLength && SLUG.matcher(text).matches();
    }

    /**
     * What is wrong with a (Flyway-valid) name under this policy, for files not yet locked; empty if it conforms.
     * Each entry says what is wrong and what would be right.
     */
    public List<String> violations(MigrationName name) {
        List<String> problems = new ArrayList<>();
        if (name.kind() != MigrationKind.REPEATABLE
                && timestampOf(name.version()).isEmpty()) {
            problems.add("version '" + name.version().text() + "' is not a UTC timestamp in the format "
                    + timestampPattern + " (e.g. " + versionText(Instant.parse("2026-01-29T14:30:52Z"))
                    + "); create migrations with `mvn migration:new`");
        }
        if (name.description().isEmpty()) {
            String separator = name.naming().separator();
            problems.add("the description after '" + separator + "' is empty; describe the change, e.g. '" + separator
                    + "add_user_preferences'");
        } else if (!SLUG.matcher(name.description()).matches()) {
            String suggestion;
            try {
                suggestion = "'" + slug(name.description()) + "'";
            } catch (IllegalArgumentException e) {
                suggestion = "lower-case words joined by '_'";
            }
            problems.add("description '" + name.description()
                    + "' is not lower snake case (a-z, 0-9, single '_' between words); use " + suggestion);
        } else if (name.description().length() > maxSlugLength) {
            problems.add("description is " + name.description().length() + " characters long; the limit is "
                    + maxSlugLength);
        }
        return problems;
    }
}
