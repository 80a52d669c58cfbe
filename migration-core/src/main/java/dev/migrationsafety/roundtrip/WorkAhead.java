package dev.migrationsafety.roundtrip;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/**
 * The round trip's work that needs no database, done on a thread of its own while the database applies the
 * migrations: parsing the ups' scripts (Flyway parses a script the first time it is asked about it) and splitting
 * the downs into statements. The round trip's own thread would otherwise do it between two statements, with the
 * database idle. In chain mode all ups come first, then the downs in reverse order; in step mode each up is followed
 * by its down. Each result is taken in order, waiting for it if the thread has not got there yet.
 */
final class WorkAhead {
    private final List<CompletableFuture<Boolean>> transactional = new ArrayList<>();
    private final List<CompletableFuture<DownRunner.Prepared>> downs = new ArrayList<>();

    private WorkAhead() {}

    /**
     * @param stepwise each up followed by its down (step mode), or all ups, then the downs in reverse (chain mode)
     * @param ups the migrations as Flyway resolved them (may be empty: only the downs)
     * @param downFiles per migration, its down (null where there is none)
     * @param downTexts per migration, the down's text; a down that uses placeholders is left to the round trip's
     *     thread, which has the connection to read Flyway's built-in ones
     */
    static WorkAhead start(
            boolean stepwise,
            FlywayUp flyway,
            DownRunner runner,
            DbTarget target,
            List<ResolvedMigration> ups,
            List<MigrationFile> downFiles,
            List<String> downTexts,
            String schema) {
        WorkAhead ahead = new WorkAhead();
        ups.forEach(u -> ahead.transactional.add(new CompletableFuture<>()));
        downFiles.forEach(d -> ahead.downs.add(new CompletableFuture<>()));
        Dialect dialect = target.dialect();
        Thread worker = new Thread(
                () -> {
                    try (QuietFlywayLog.Route route = flyway.routeLogs(target)) {
                        if (stepwise) {
                            for (int i = 0; i < downFiles.size(); i++) {
                                ahead.parse(ups, i);
                                ahead.prepare(runner, downFiles, downTexts, i, dialect, schema);
                            }
                        } else {
                            for (int i = 0; i < ups.size(); i++) {
                                ahead.parse(ups, i);
                            }
                            for (int i = downFiles.size() - 1; i >= 0; i--) {
                                ahead.prepare(runner, downFiles, downTexts, i, dialect, schema);
                            }
                        }
                    }
                },
                "migration-roundtrip-ahead");
        worker.setDaemon(true);
        worker.start();
        return ahead;
    }

    private void parse(List<ResolvedMigration> ups, int i) {
        if (i < ups.size()) {
            try {
                transactional.get(i).complete(ups.get(i).getExecutor().canExecuteInTransaction());
            } catch (RuntimeException e) {
                transactional.get(i).completeExceptionally(e);
            }
        }
    }

    private void prepare(
            DownRunner runner,
            List<MigrationFile> downFiles,
            List<String> downTexts,
            int i,
            Dialect dialect,
            String schema) {
        MigrationFile down = downFiles.get(i);
        String text = downTexts.get(i);
        try {
            downs.get(i)
                    .complete(
                            down == null || !DownRunner.preparesOffline(text)
                                    ? null
                                    : runner.prepare(down, text, null, dialect, schema));
        } catch (SQLException | RuntimeException e) {
            downs.get(i).completeExceptionally(e);
        }
    }

    /**
     * Whether the up at this index can run in a transaction.
     *
     * @throws org.flywaydb.core.api.FlywayException where Flyway cannot parse its script
     */
    boolean transactional(int index) {
        return join(transactional.get(index));
    }

    /** The down at this index split into statements; null where the round trip's thread prepares it. */
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
