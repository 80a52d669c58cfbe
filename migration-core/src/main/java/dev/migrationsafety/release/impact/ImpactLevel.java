package dev.migrationsafety.release.impact;

/**
 * How much care a change needs, by the rows it affects (see {@link ImpactThresholds}). A caller turns the levels it
 * blocks on ({@link #atLeast}) into findings such as {@code large-data-change}.
 */
public enum ImpactLevel {
    /** The table, dialect or statement could not be assessed; {@link Impact#notes()} say why. */
    NOT_ASSESSED,
    /** The table does not exist on the target yet: an earlier pending migration creates it. */
    NEW_TABLE,
    /** Few rows (up to {@link ImpactThresholds#fineUpTo()}), or no rows' data changes. */
    FINE,
    /** More than {@link ImpactThresholds#fineUpTo()}: check the number is the one you expect. */
    REVIEW,
    /** More than {@link ImpactThresholds#backupAbove()}: have a backup before the deploy. */
    BACKUP,
    /** More than {@link ImpactThresholds#splitAbove()}: split into batched or staged migrations. */
    SPLIT;

    /** Whether this is a measured level at or above {@code other} (FINE, REVIEW, BACKUP, SPLIT in that order). */
    public boolean atLeast(ImpactLevel other) {
        return ordinal() >= FINE.ordinal() && ordinal() >= other.ordinal();
    }
}
