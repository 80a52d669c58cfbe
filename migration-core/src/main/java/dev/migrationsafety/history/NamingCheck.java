package dev.migrationsafety.history;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.migration.LocationRole;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationName;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import dev.migrationsafety.migration.StrayFile;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code migrationNaming} rule: every file in the migration and down locations is a name Flyway reads (Flyway
 * skips other names silently), every file not yet locked follows the naming policy, every down script has its
 * migration and every new migration has a down script or an irreversible marker with a reason.
 */
public final class NamingCheck {
    public static final String RULE = "migrationNaming";

    private final NamingPolicy policy;

    public NamingCheck(NamingPolicy policy) {
        this.policy = policy;
    }

    public List<Finding> check(ProjectHistory history) {
        List<Finding> findings = new ArrayList<>();
        Finding lockError = history.lockErrorFinding(RULE);
        if (lockError != null) {
            // without the lock file we cannot tell legacy files from new ones: fail closed
            findings.add(lockError);
            return findings;
        }
        boolean adjacent = history.layout().adjacentUndo();
        FlywayNaming naming = history.layout().naming();
        String example = naming.fileName(
                MigrationKind.VERSIONED,
                policy.versionText(java.time.Instant.parse("2026-01-29T14:30:52Z")),
                "add_users");
        for (StrayFile stray : history.migrations().strays()) {
            findings.add(finding(
                    stray.displayPath(), stray.reason() + strayConsequence(stray), strayFix(stray, example, naming)));
        }
        Set<String> locked = history.lock().byPath().keySet();
        Map<MigrationVersion, MigrationFile> versioned = new HashMap<>();
        for (MigrationFile f : history.migrations().files()) {
            if (f.kind() == MigrationKind.VERSIONED) {
                versioned.putIfAbsent(f.version(), f);
            }
        }
        Map<MigrationVersion, MigrationFile> downs = new HashMap<>();
        for (MigrationFile f : history.migrations().files()) {
            if (f.kind() == MigrationKind.UNDO) {
                downs.putIfAbsent(f.version(), f);
            }
        }
        String undoDir = history.layout().display(history.layout().undoDir());
        String migrationDir = history.layout().display(history.layout().primaryMigrationDir());
        for (MigrationFile f : history.migrations().files()) {
            boolean isLocked = locked.contains(f.displayPath());
            if (f.kind() == MigrationKind.UNDO && !adjacent && f.location() == LocationRole.MIGRATIONS) {
                findings.add(finding(
                        f.displayPath(),
                        "is a down script in a Flyway location; open-source Flyway skips it, and fails on it with "
                                + "validateMigrationNaming",
                        "move it to " + undoDir + "/"));
            } else if (f.kind() != MigrationKind.UNDO && f.location() == LocationRole.UNDO) {
                findings.add(finding(
                        f.displayPath(),
                        "is a migration in the down-script location, which Flyway never reads",
                        "move it to " + migrationDir + "/"));
                continue;
            }
            if (isEmpty(f)) {
                findings.add(finding(
                        f.displayPath(),
                        "is empty; Flyway would record it as applied without doing anything",
                        "write its SQL, or delete the file"));
            }
            if (isLocked) {
                continue;
            }
            if (f.kind() == MigrationKind.UNDO) {
                MigrationFile migration = versioned.get(f.version());
                if (migration == null) {
                    findings.add(finding(
                            f.displayPath(),
                            "is a down script without a versioned migration " + naming.prefix()
                                    + f.version().text() + naming.separator() + "*"
                                    + f.name().suffix(),
                            "rename it to the version of the migration it reverses, or delete it"));
                } else {
                    // the version is the migration's; only the description follows the policy
                    policyFindings(f, descriptionOnly(f.name()), findings);
                }
                markerFinding(f, findings);
                continue;
            }
            policyFindings(f, f.name(), findings);
            if (f.kind() == MigrationKind.VERSIONED && !downs.containsKey(f.version())) {
                findings.add(finding(
                        f.displayPath(),
                        "has no down script " + f.name().withKind(MigrationKind.UNDO) + " in " + undoDir,
                        "write the down script (`mvn migration:new` creates both files), or, if the change truly "
                                + "cannot be undone, create it with the line " + IrreversibleMarker.line("<why>")));
            }
        }
        findings.sort(Comparator.comparing(Finding::path));
        var existing = ExistingHistory.detect(history);
        if (existing.isPresent() && !findings.isEmpty()) {
            // an existing history without a lock file: one suggestion instead of a line per file
            return List.of(existing.get().finding(RULE));
        }
        return findings;
    }

    private void policyFindings(MigrationFile f, MigrationName name, List<Finding> findings) {
        for (String problem : policy.violations(name)) {
            int dash = problem.lastIndexOf("; ");
            String what = dash < 0 ? problem : problem.substring(0, dash);
            String fix = dash < 0 ? "rename the file" : problem.substring(dash + 2);
            findings.add(finding(f.displayPath(), what, fix));
        }
    }

    private static MigrationName descriptionOnly(MigrationName name) {
        return new MigrationName(name.fileName(), MigrationKind.REPEATABLE, null, name.description(), name.naming());
    }

    private static void markerFinding(MigrationFile f, List<Finding> findings) {
        String content;
        try {
            content = Files.readString(f.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            findings.add(finding(f.displayPath(), "cannot be read (" + e.getMessage() + ")", "check its permissions"));
            return;
        }
        if (IrreversibleMarker.isMarked(content)
                && IrreversibleMarker.reasonIn(content).isEmpty()) {
            findings.add(finding(
                    f.displayPath(),
                    "marks its migration irreversible without a reason",
                    "say why it cannot be undone: " + IrreversibleMarker.line("<why>")));
        }
    }

    private static boolean isEmpty(MigrationFile f) {
        try {
            long size = Files.size(f.path());
            if (size > 16) {
                return false;
            }
            return new String(Files.readAllBytes(f.path()), StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")
                    .isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isNameProblem(StrayFile stray) {
        String r = stray.reason();
        return !(r.contains("directory")
                || r.contains("symbolic link")
                || r.contains("cannot be read")
                || r.contains("not a regular file"));
    }

    private static String strayConsequence(StrayFile stray) {
        if (!isNameProblem(stray)
                || stray.reason().contains("Flyway ignores")
                || stray.reason().contains("Flyway does not read")) {
            return "";
        }
        return stray.location() == LocationRole.MIGRATIONS
                ? "; Flyway skips it silently"
                : "; it is not recognised as a down script";
    }

    private static String strayFix(StrayFile stray, String example, FlywayNaming naming) {
        String reason = stray.reason();
        if (reason.contains("directory named like a migration")) {
            return "rename the directory so that it does not end in " + String.join(" or ", naming.suffixes());
        }
        if (stray.suggestion() != null) {
            return "rename it to " + stray.suggestion();
        }
        if (reason.contains("leaves the project")) {
            return "move what it links to into the project (links inside the project are followed), or remove the"
                    + " link";
        }
        if (reason.contains("would loop")) {
            return "remove the link, or point it at a directory that does not contain it";
        }
        if (reason.contains("symbolic link")) {
            return "point the link at an existing file in the project, or remove it";
        }
        if (reason.contains("cannot be read") || reason.contains("not a regular file")) {
            return "make it a readable file, or remove it from the migration locations";
        }
        if (stray.isForeignFile()) {
            return "move it out of the migration locations (or delete it)";
        }
        if (!naming.isDefault()) {
            return "rename it to this project's naming " + naming.versionedPattern() + ", e.g. " + example
                    + " (`mvn migration:new` creates one)";
        }
        return "rename it to a name Flyway reads, e.g. " + example + " (`mvn migration:new` creates one)";
    }

    private static Finding finding(String path, String message, String fix) {
        return new Finding(path, 0, 0, Severity.HIGH, RULE, message, fix);
    }
}
