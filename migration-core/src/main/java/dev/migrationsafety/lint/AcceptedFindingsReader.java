package dev.migrationsafety.lint;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationName;
import dev.migrationsafety.migration.MigrationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code migrations.accepted} strictly: every line is a comment, the format, the baseline or an accepted
 * finding, anything else is reported with its line, never guessed around. A finding accepted in a migration after
 * the baseline is refused: new migrations are allowed one statement at a time, with a reason, in the file itself.
 */
public final class AcceptedFindingsReader {
    private static final String FIX = "restore the file from git (git checkout -- <file>), or write it again with"
            + " `mvn migration:adopt -Dmigration.adopt.force=true`";

    private final String display;
    private final FlywayNaming naming;

    /** @param display the file as messages show it, relative to the project */
    public AcceptedFindingsReader(String display) {
        this(display, FlywayNaming.DEFAULT);
    }

    /**
     * @param display the file as messages show it, relative to the project
     * @param naming how the project names its migrations, to tell the version of an accepted finding's file
     */
    public AcceptedFindingsReader(String display, FlywayNaming naming) {
        this.display = display;
        this.naming = naming;
    }

    /**
     * The file's content, or empty when it does not exist.
     *
     * @throws AcceptedFindingsException when it exists but cannot be read or used
     */
    public Optional<AcceptedFindings> read(Path file) throws AcceptedFindingsException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AcceptedFindingsException(
                    display, 0, "cannot be read (" + e.getMessage() + ")", "make it a readable UTF-8 file");
        }
        return Optional.of(parse(text));
    }

    /** Parses the text of the file. */
    public AcceptedFindings parse(String text) throws AcceptedFindingsException {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        boolean format = false;
        MigrationVersion baseline = null;
        List<AcceptedFindings.Key> keys = new ArrayList<>();
        List<Integer> keyLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("<<<<<<<") || line.startsWith("=======") || line.startsWith(">>>>>>>")) {
                throw new AcceptedFindingsException(
                        display,
                        n,
                        "has a git merge conflict marker",
                        "keep the target branch's version (the accepted findings are written once, at adoption)"
                                + " and remove the markers");
            }
            if (!format) {
                if (!line.equals(AcceptedFindings.FORMAT_PREFIX + AcceptedFindings.FORMAT)) {
                    throw new AcceptedFindingsException(
                            display,
                            n,
                            "starts with '" + line + "' where 'format " + AcceptedFindings.FORMAT
                                    + "' is expected (an unknown format or not an accepted-findings file)",
                            "use the plugin version that wrote it, or " + FIX);
                }
                format = true;
            } else if (line.startsWith(AcceptedFindings.BASELINE_PREFIX)) {
                if (baseline != null) {
                    throw new AcceptedFindingsException(display, n, "has a second baseline line", FIX);
                }
                baseline = version(
                        line.substring(AcceptedFindings.BASELINE_PREFIX.length())
                                .strip(),
                        n);
            } else if (line.startsWith(AcceptedFindings.ACCEPT_PREFIX)) {
                String[] parts = line.substring(AcceptedFindings.ACCEPT_PREFIX.length())
                        .strip()
                        .split("\\s+", 3);
                if (parts.length < 3) {
                    throw new AcceptedFindingsException(
                            display, n, "has '" + line + "', not 'accept <check> <fingerprint> <file>'", FIX);
                }
                if (!parts[0].matches("[a-z][a-zA-Z0-9-]*")) {
                    throw new AcceptedFindingsException(
                            display,
                            n,
                            "has check '" + parts[0] + "', which is not a check id",
                            "use a check id of docs/checks/README.md (or migrationNaming), or delete the line");
                }
                if (!StatementFingerprint.isValid(parts[1])) {
                    throw new AcceptedFindingsException(
                            display, n, "has fingerprint '" + parts[1] + "', not 12 hex digits or '-'", FIX);
                }
                keys.add(new AcceptedFindings.Key(parts[0], parts[1], parts[2]));
                keyLines.add(n);
            } else {
                throw new AcceptedFindingsException(
                        display, n, "has '" + line + "', which is no comment, baseline or accept line", FIX);
            }
        }
        if (!format || baseline == null) {
            throw new AcceptedFindingsException(
                    display,
                    0,
                    "is incomplete: it has no "
                            + (format ? "baseline line" : "'format " + AcceptedFindings.FORMAT + "' line"),
                    FIX);
        }
        for (int i = 0; i < keys.size(); i++) {
            MigrationVersion v = versionOf(keys.get(i).path(), naming);
            if (v != null && v.isNewerThan(baseline)) {
                throw new AcceptedFindingsException(
                        display,
                        keyLines.get(i),
                        "accepts a finding in " + keys.get(i).path() + ", a migration after the baseline " + baseline
                                + "; only the findings of migrations up to the baseline can be accepted",
                        "delete the line; fix the finding, or allow it with a reason on the line above the"
                                + " statement (-- migration:allow "
                                + keys.get(i).check() + " reason=\"...\")");
            }
        }
        return new AcceptedFindings(baseline, keys);
    }

    private MigrationVersion version(String text, int line) throws AcceptedFindingsException {
        try {
            return MigrationVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AcceptedFindingsException(
                    display, line, "has baseline '" + text + "', which is not a version: " + e.getMessage(), FIX);
        }
    }

    /** The version of a migration file by its name, or {@code null} for a repeatable one or another name. */
    static MigrationVersion versionOf(String path, FlywayNaming naming) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        try {
            MigrationName parsed = MigrationName.parse(name, naming);
            return parsed.kind() == MigrationKind.REPEATABLE ? null : parsed.version();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
