package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/**
 * Chain mode's work that needs no database, done on a thread of its own while the database applies the migrations:
 * parsing the ups' scripts (Flyway parses a script the first time it is asked about it), then splitting the downs
 * into statements. The chain's own thread would otherwise do it between two statements, with the database idle.
 * Each result is taken in order, waiting for it if the thread has not got there yet.
 */
final class ChainAhead {
    private final List<CompletableFuture<Boolean>> transactional = new ArrayList<>();
    private final List<CompletableFuture<DownRunner.Prepared>> downs = new ArrayList<>();

    private ChainAhead() {}

    /**
     * @param ups the chain's migrations as Flyway resolved them
     * @param downs per migration of the chain, its down and the down's text (null where there is none); a down that
     *     uses placeholders is left to the chain's thread, which has the connection to read Flyway's built-in ones
     */
    static ChainAhead start(
            FlywayUp flyway,
            DownRunner runner,
            DbTarget target,
            List<ResolvedMigration> ups,
            List<MigrationFile> downFiles,
            List<String> downTexts,
            String schema) {
        ChainAhead ahead = new ChainAhead();
        ups.forEach(u -> ahead.transactional.add(new CompletableFuture<>()));
        downFiles.forEach(d -> ahead.downs.add(new CompletableFuture<>()));
        Dialect dialect = target.dialect();
        Thread worker = new Thread(
                () -> {
                    try (QuietFlywayLog.Route route = flyway.routeLogs(target)) {
                        for (int i = 0; i < ups.size(); i++) {
                            try {
                                ahead.transactional
                                        .get(i)
                                        .complete(ups.get(i).getExecutor().canExecuteInTransaction());
                            } catch (RuntimeException e) {
                                ahead.transactional.get(i).completeExceptionally(e);
                            }
                        }
                    }
                    for (int i = downFiles.size() - 1; i >= 0; i--) {
                        MigrationFile down = downFiles.get(i);
                        String text = downTexts.get(i);
                        try {
                            ahead.downs
                                    .get(i)
                                    .complete(
                                            down == null || !DownRunner.preparesOffline(text)
                                                    ? null
                                                    : runner.prepare(down, text, null, dialect, schema));
                        } catch (SQLException | RuntimeException e) {
                            ahead.downs.get(i).completeExceptionally(e);
                        }
                    }
                },
                "migration-roundtrip-ahead");
        worker.setDaemon(true);
        worker.start();
        return ahead;
    }

    /**
     * Whether the up at this index can run in a transaction.
     *
     * @throws org.flywaydb.core.api.FlywayException where Flyway cannot parse its script
     */
    boolean transactional(int index) {
        return join(transactional.get(index));
    }

    /** The down at this index split into statements; null where the chain's thread prepares it. */
    DownRunner.Prepared down(int index) {
        return join(downs.get(index));
    }

    private static <T> T join(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
