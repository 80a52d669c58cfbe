package dev.migrationsafety.release.leftovers;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the leftovers check goes.
 *
 * @param orphanRows whether to look for rows a foreign key does not hold (one bounded query per foreign key)
 * @param orphanRowLimit foreign keys of tables with more rows than this (the catalogue's estimate) are not checked
 *     for orphan rows, and are listed as not checked
 * @param orphanTimeout each orphan-row query is cancelled after this long, and its foreign key listed as not checked
 */
public record LeftoverOptions(boolean orphanRows, long orphanRowLimit, Duration orphanTimeout) {
    /** Default row limit: tables up to a million rows are checked. */
    public static final long DEFAULT_ROW_LIMIT = 1_000_000;
    /** Default time limit per orphan-row query. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public LeftoverOptions {
        Objects.requireNonNull(orphanTimeout, "orphanTimeout");
        if (orphanRowLimit < 0) {
            throw new IllegalArgumentException("the orphan-row limit is " + orphanRowLimit
                    + "; give the largest number of rows a table may have for its foreign keys to be checked");
        }
        if (orphanTimeout.isNegative() || orphanTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "the orphan-row timeout is " + orphanTimeout + "; give a positive duration, e.g. 5 seconds");
        }
    }

    /** Orphan rows checked on tables up to a million rows, five seconds per foreign key at most. */
    public static LeftoverOptions defaults() {
        return new LeftoverOptions(true, DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT);
    }

    public LeftoverOptions withOrphanRows(boolean check) {
        return new LeftoverOptions(check, orphanRowLimit, orphanTimeout);
    }

    public LeftoverOptions withOrphanRowLimit(long rows) {
        return new LeftoverOptions(orphanRows, rows, orphanTimeout);
    }

    public LeftoverOptions withOrphanTimeout(Duration timeout) {
        return new LeftoverOptions(orphanRows, orphanRowLimit, timeout);
    }
}
