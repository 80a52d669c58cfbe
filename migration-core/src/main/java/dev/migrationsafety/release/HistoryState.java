package dev.migrationsafety.release;

import dev.migrationsafety.history.Checksums;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target's history compared with the project's migrations, the way Flyway compares them: which versions are
 * applied, which rows failed, which applied files changed since (Flyway's checksum, see {@link Checksums}) or are
 * gone, which files are older than the newest applied version (out of order), and what {@code flyway migrate} will
 * run, in its order: the pending versioned migrations by version, then the new and changed repeatable ones by
 * description.
 *
 * @param history the history table as read
 * @param applied the successful versioned rows
 * @param failed the failed rows
 * @param changed applied migrations whose file's checksum differs from the recorded one
 * @param missing applied versioned migrations without a file
 * @param outOfOrder files not applied whose version is below the newest applied one
 * @param outOfOrderAllowed Flyway's {@code outOfOrder}: whether Flyway runs those (else it refuses to migrate)
 * @param pending what {@code flyway migrate} runs, in order
 */
public record HistoryState(
        TargetHistory history,
        List<HistoryRow> applied,
        List<HistoryRow> failed,
        List<Changed> changed,
        List<HistoryRow> missing,
        List<MigrationFile> outOfOrder,
        boolean outOfOrderAllowed,
        List<MigrationFile> pending) {

    /** An applied migration whose file no longer has the checksum Flyway recorded. */
    public record Changed(HistoryRow row, MigrationFile file, int fileChecksum) {}

    public static HistoryState compare(TargetHistory history, MigrationSet set, boolean outOfOrderAllowed) {
        Map<MigrationVersion, HistoryRow> appliedByVersion = new LinkedHashMap<>();
        Map<String, HistoryRow> repeatableByScript = new HashMap<>();
        List<HistoryRow> failed = new ArrayList<>();
        MigrationVersion baseline = null;
        MigrationVersion newest = null;
        for (HistoryRow row : history.rows()) {
            if (!row.success()) {
                failed.add(row);
                continue;
            }
            MigrationVersion v = version(row);
            if (row.isBaseline() && v != null) {
                baseline = baseline == null || v.isNewerThan(baseline) ? v : baseline;
            } else if (row.isVersionedMigration() && v != null) {
                appliedByVersion.put(v, row);
            } else if (row.isRepeatable()) {
                repeatableByScript.put(row.script(), row);
            }
            if (v != null && !row.isDeleted() && (newest == null || v.isNewerThan(newest))) {
                newest = v;
            }
        }
        List<Changed> changed = new ArrayList<>();
        List<MigrationFile> outOfOrder = new ArrayList<>();
        List<MigrationFile> pending = new ArrayList<>();
        Map<MigrationVersion, MigrationFile> files = new HashMap<>();
        for (MigrationFile file : set.versioned()) {
            files.putIfAbsent(file.version(), file);
            HistoryRow row = appliedByVersion.get(file.version());
            if (row != null) {
                int checksum = checksum(file);
                if (row.checksum() != null && row.checksum() != checksum) {
                    changed.add(new Changed(row, file, checksum));
                }
            } else if (baseline != null && !file.version().isNewerThan(baseline)) {
                continue; // below the baseline: Flyway never runs it
            } else if (newest != null && newest.isNewerThan(file.version())) {
                outOfOrder.add(file);
                if (outOfOrderAllowed) {
                    pending.add(file);
                }
            } else {
                pending.add(file);
            }
        }
        for (MigrationFile file : set.repeatable().stream()
                .sorted((a, b) -> a.name().description().compareTo(b.name().description()))
                .toList()) {
            HistoryRow row = repeatableByScript.get(file.fileName());
            int checksum = checksum(file);
            if (row == null || row.checksum() == null || row.checksum() != checksum) {
                pending.add(file);
            }
        }
        List<HistoryRow> missing = appliedByVersion.entrySet().stream()
                .filter(e -> !files.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        return new HistoryState(
                history,
                List.copyOf(appliedByVersion.values()),
                failed,
                changed,
                missing,
                outOfOrder,
                outOfOrderAllowed,
                pending);
    }

    /** The newest applied version, or null. */
    public String newestApplied() {
        return applied.stream()
                .map(HistoryRow::version)
                .filter(MigrationVersion::isValid)
                .max((a, b) -> MigrationVersion.parse(a).compareTo(MigrationVersion.parse(b)))
                .orElse(null);
    }

    private static MigrationVersion version(HistoryRow row) {
        if (row.version() == null || row.version().isBlank() || !MigrationVersion.isValid(row.version())) {
            return null;
        }
        return MigrationVersion.parse(row.version());
    }

    private static int checksum(MigrationFile file) {
        try {
            return Checksums.of(file.path()).crc32();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.displayPath(), e);
        }
    }
}
