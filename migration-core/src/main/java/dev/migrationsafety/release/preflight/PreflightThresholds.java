package dev.migrationsafety.release.preflight;

import java.time.Duration;

/**
 * When the target's sessions and replicas stand in a deploy's way.
 *
 * @param longTransaction a transaction open longer than this is reported (default 30 s)
 * @param replicaLag a replica further behind than this is reported (default 60 s)
 */
public record PreflightThresholds(Duration longTransaction, Duration replicaLag) {
    public static final Duration DEFAULT_LONG_TRANSACTION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REPLICA_LAG = Duration.ofSeconds(60);

    public PreflightThresholds {
        check("long-transaction", longTransaction);
        check("replica-lag", replicaLag);
    }

    private static void check(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the " + what + " threshold must be a positive number of whole"
                    + " seconds, not " + d + "; e.g. 30s");
        }
    }

    public static PreflightThresholds defaults() {
        return new PreflightThresholds(DEFAULT_LONG_TRANSACTION, DEFAULT_REPLICA_LAG);
    }
}
