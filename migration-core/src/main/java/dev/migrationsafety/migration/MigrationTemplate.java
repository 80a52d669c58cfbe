package dev.migrationsafety.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new migration's files contain: the built-in templates {@code versioned} (up and down),
 * {@code repeatable} ({@code R__} file, no down) and {@code extension} (PostgreSQL {@code CREATE EXTENSION} and its
 * {@code DROP EXTENSION}), or a user's directory with {@code up.sql} and {@code down.sql}.
 *
 * <p>Template files use {@code {{name}}} placeholders, see {@link #PLACEHOLDERS}.
 */
public final class MigrationTemplate {
    public static final String VERSIONED = "versioned";
    public static final String REPEATABLE = "repeatable";
    public static final String EXTENSION = "extension";

    /** The file names in a user template directory. */
    public static final String UP_FILE = "up.sql";

    public static final String DOWN_FILE = "down.sql";

    /**
     * The placeholders every template may use: the description as given, its slug, the version as written in the
     * file name and as Flyway prints it, the creation time (UTC, ISO-8601) and both files' paths in the project.
     */
    public static final Set<String> PLACEHOLDERS =
            Set.of("description", "slug", "version", "flywayVersion", "created", "upFile", "downFile");

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern QUOTABLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final String name;
    private final MigrationKind kind;
    private final TemplateText up;
    private final TemplateText down;
    private final Map<String, String> extra;

    private MigrationTemplate(
            String name, MigrationKind kind, TemplateText up, TemplateText down, Map<String, String> extra) {
        this.name = name;
        this.kind = kind;
        this.up = up;
        this.down = down;
        this.extra = extra;
    }

    /**
     * A built-in template by name.
     *
     * @param extension the PostgreSQL extension name, required by (and only used by) {@code extension}
     * @throws NewMigrationException for an unknown template or a missing or unusable extension name
     */
    public static MigrationTemplate builtIn(String name, String extension) {
        String key = name == null || name.isBlank() ? VERSIONED : name.strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case VERSIONED:
                return new MigrationTemplate(
                        VERSIONED,
                        MigrationKind.VERSIONED,
                        resource("versioned/up.sql", PLACEHOLDERS),
                        resource("versioned/down.sql", PLACEHOLDERS),
                        Map.of());
            case REPEATABLE:
                return new MigrationTemplate(
                        REPEATABLE,
                        MigrationKind.REPEATABLE,
                        resource("repeatable/up.sql", PLACEHOLDERS),
                        null,
                        Map.of());
            case EXTENSION:
                String sqlName = extensionName(extension);
                Set<String> known = with(PLACEHOLDERS, "extension");
                return new MigrationTemplate(
                        EXTENSION,
                        MigrationKind.VERSIONED,
                        resource("extension/up.sql", known),
                        resource("extension/down.sql", known),
                        Map.of("extension", sqlName));
            default:
                throw new NewMigrationException("unknown template '" + name + "'; use " + VERSIONED + " (the default), "
                        + REPEATABLE + " or " + EXTENSION + ", or point -Dmigration.templateDir at a directory with "
                        + UP_FILE + " and " + DOWN_FILE);
        }
    }

    /**
     * A user template directory: {@code up.sql} and {@code down.sql} (the down may be missing when the migration is
     * irreversible), giving versioned migrations.
     *
     * @param shown how messages name the directory (relative to the project)
     * @param needsDown whether {@code down.sql} must exist
     * @throws NewMigrationException when a file is missing or uses an unknown placeholder (with file and line)
     */
    public static MigrationTemplate fromDirectory(Path dir, String shown, boolean needsDown) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NewMigrationException("template directory " + shown + " does not exist; create it with " + UP_FILE
                    + " and " + DOWN_FILE + ", or leave templateDir unset to use the built-in templates");
        }
        TemplateText up = userFile(dir, shown, UP_FILE);
        TemplateText down = null;
        if (needsDown || Files.exists(dir.resolve(DOWN_FILE))) {
            down = userFile(dir, shown, DOWN_FILE);
        }
        return new MigrationTemplate("directory " + shown, MigrationKind.VERSIONED, up, down, Map.of());
    }

    private static TemplateText userFile(Path dir, String shown, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        String source = shown + "/" + fileName;
        if (!Files.isRegularFile(file)) {
            throw new NewMigrationException("template directory " + shown + " has no " + fileName + "; a template "
                    + "directory holds " + UP_FILE + " (the migration) and " + DOWN_FILE + " (its down script)");
        }
        return TemplateText.parse(source, normalise(Files.readString(file, StandardCharsets.UTF_8)), PLACEHOLDERS);
    }

    /** The extension name as SQL: plain identifiers as given, names like {@code uuid-ossp} double-quoted. */
    static String extensionName(String extension) {
        if (extension == null || extension.isBlank()) {
            throw new NewMigrationException("the extension template needs the extension's name: add "
                    + "-Dmigration.extension=<name>, e.g. mvn migration:new -Dmigration.template=extension "
                    + "-Dmigration.extension=pg_trgm -Dmigration.name=\"Enable pg_trgm\"");
        }
        String name = extension.strip();
        if (PLAIN_IDENTIFIER.matcher(name).matches()) {
            return name;
        }
        if (QUOTABLE_NAME.matcher(name).matches()) {
            return "\"" + name + "\"";
        }
        throw new NewMigrationException("'" + extension + "' is not a PostgreSQL extension name; use the name as "
                + "listed by SELECT name FROM pg_available_extensions, e.g. pg_trgm or uuid-ossp");
    }

    /** The template's name for messages. */
    public String name() {
        return name;
    }

    /** {@link MigrationKind#VERSIONED} or {@link MigrationKind#REPEATABLE}. */
    public MigrationKind kind() {
        return kind;
    }

    /** Whether the template has a down script (repeatable migrations have none). */
    public boolean hasDown() {
        return down != null;
    }

    String renderUp(Map<String, String> values) {
        return up.render(withExtra(values));
    }

    String renderDown(Map<String, String> values) {
        return down.render(withExtra(values));
    }

    /** The down script of an irreversible migration: a header and the {@link IrreversibleMarker} line. */
    static String renderIrreversibleDown(Map<String, String> values, String reason) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("irreversibleMarker", IrreversibleMarker.line(reason));
        return resource("irreversible/down.sql", with(PLACEHOLDERS, "irreversibleMarker"))
                .render(all);
    }

    private Map<String, String> withExtra(Map<String, String> values) {
        if (extra.isEmpty()) {
            return values;
        }
        Map<String, String> all = new java.util.HashMap<>(values);
        all.putAll(extra);
        return all;
    }

    private static TemplateText resource(String path, Set<String> known) {
        try (InputStream in = MigrationTemplate.class.getResourceAsStream("templates/" + path)) {
            if (in == null) {
                throw new IllegalStateException("built-in template templates/" + path + " is missing from the jar");
            }
            return TemplateText.parse(
                    "built-in template " + path,
                    normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    known);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n");
    }

    private static Set<String> with(Set<String> names, String name) {
        java.util.HashSet<String> all = new java.util.HashSet<>(names);
        all.add(name);
        return Set.copyOf(all);
    }

    @Override
    public String toString() {
        return name;
    }
}
