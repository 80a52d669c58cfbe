package dev.migrationsafety.release.impact;

/**
 * When a change touches enough rows to call for care, and how far the bounded counts go.
 *
 * @param fineUpTo up to this many affected rows a change is {@link ImpactLevel#FINE} (default 1,000)
 * @param backupAbove above this many it is {@link ImpactLevel#BACKUP}: have a backup first (default 10,000)
 * @param splitAbove above this many it is {@link ImpactLevel#SPLIT}: batch or stage it (default 100,000)
 * @param countLimit how many rows a bounded count reads at most, e.g. the values of a dropped column (default
 *     1,000,000)
 * @param exactCount whether to count a dropped column's values exactly, without the limit (reads the whole table)
 */
public record ImpactThresholds(long fineUpTo, long backupAbove, long splitAbove, long countLimit, boolean exactCount) {
    public static final long DEFAULT_FINE_UP_TO = 1_000;
    public static final long DEFAULT_BACKUP_ABOVE = 10_000;
    public static final long DEFAULT_SPLIT_ABOVE = 100_000;
    public static final long DEFAULT_COUNT_LIMIT = 1_000_000;

    public ImpactThresholds {
        if (fineUpTo < 0 || backupAbove < fineUpTo || splitAbove < backupAbove) {
            throw new IllegalArgumentException("impact thresholds must grow: fine up to " + fineUpTo
                    + " <= backup above " + backupAbove + " <= split above " + splitAbove
                    + "; set them in that order (defaults 1000, 10000, 100000)");
        }
        if (countLimit < 1) {
            throw new IllegalArgumentException(
                    "the impact count limit must be at least 1, not " + countLimit + "; the default is 1000000");
        }
    }

    /** The defaults: 1,000 / 10,000 / 100,000 rows, counts bounded at 1,000,000, no exact counts. */
    public static ImpactThresholds defaults() {
        return new ImpactThresholds(
                DEFAULT_FINE_UP_TO, DEFAULT_BACKUP_ABOVE, DEFAULT_SPLIT_ABOVE, DEFAULT_COUNT_LIMIT, false);
    }

    /** The level of a change that affects {@code rows} rows. */
    public ImpactLevel levelOf(long rows) {
        if (rows > splitAbove) {
            return ImpactLevel.SPLIT;
        }
        if (rows > backupAbove) {
            return ImpactLevel.BACKUP;
        }
        return rows > fineUpTo ? ImpactLevel.REVIEW : ImpactLevel.FINE;
    }

    /** The advice for a level, with the threshold it crossed: {@code above 100,000 rows: split it ...}. */
    public String advice(ImpactLevel level) {
        return switch (level) {
            case FINE -> "up to " + Impact.count(fineUpTo) + " rows: fine";
            case REVIEW -> "above " + Impact.count(fineUpTo) + " rows: check that this is the number you expect";
            case BACKUP ->
                "above " + Impact.count(backupAbove) + " rows: have a backup (or a copy of the rows) before the deploy";
            case SPLIT ->
                "above " + Impact.count(splitAbove)
                        + " rows: split it into batched or staged migrations (and have a backup)";
            case NEW_TABLE -> "nothing to assess: the table is created by an earlier pending migration";
            case NOT_ASSESSED -> "not assessed";
        };
    }
}
