package dev.migrationsafety.lint;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether Flyway 13 runs a migration in a transaction, decided the way Flyway decides it: the script configuration's
 * {@code executeInTransaction} wins; otherwise on PostgreSQL a script whose statements all cannot run in a transaction
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...) runs without one, a script that mixes both is refused
 * unless {@code mixed=true}, and every other script runs in one.
 *
 * @param inTransaction whether the statements run in one transaction
 * @param description one line for a plan: {@code in a transaction}, {@code without a transaction (...)} or why
 *     Flyway refuses it
 * @param refused whether Flyway refuses to run the script as configured
 */
public record TransactionMode(boolean inTransaction, String description, boolean refused) {
    /** The statements Flyway's PostgreSQL parser runs outside a transaction, on their simplified text. */
    static final Pattern FLYWAY_NON_TRANSACTIONAL = Pattern.compile(
            "^(?:(?:CREATE|DROP)(?: UNIQUE)? INDEX CONCURRENTLY|(?:CREATE|DROP) (?:DATABASE|TABLESPACE|SUBSCRIPTION)"
                    + "|ALTER SYSTEM|REINDEX(?: VERBOSE)? (?:SCHEMA|DATABASE|SYSTEM)|VACUUM|DISCARD ALL"
                    + "|ALTER TYPE(?: .*)? ADD VALUE)");

    private static final Pattern LEADING_COMMENTS =
            Pattern.compile("\\A(?:\\s+|--[^\\n]*|/\\*.*?\\*/)*", Pattern.DOTALL);

    /**
     * @param conf the content of the script's {@code .conf} file, or null
     * @param mixed Flyway's {@code mixed} setting
     */
    public static TransactionMode of(Dialect dialect, List<SqlStatement> statements, byte[] conf, boolean mixed) {
        Boolean configured = ScriptConfig.executeInTransaction(conf);
        if (configured != null) {
            return configured
                    ? new TransactionMode(true, "in a transaction (executeInTransaction=true)", false)
                    : new TransactionMode(false, "without a transaction (executeInTransaction=false)", false);
        }
        if (dialect == Dialect.MYSQL) {
            return new TransactionMode(
                    true, "in a transaction (MariaDB/MySQL commit each DDL statement on its own)", false);
        }
        if (dialect != Dialect.POSTGRESQL) {
            return new TransactionMode(true, "in a transaction", false);
        }
        long outside = statements.stream()
                .filter(s -> FLYWAY_NON_TRANSACTIONAL.matcher(simplified(s)).find())
                .count();
        if (outside == 0) {
            return new TransactionMode(true, "in a transaction", false);
        }
        if (outside == statements.size()) {
            return new TransactionMode(
                    false, "without a transaction (statements that cannot run in one, such as CONCURRENTLY)", false);
        }
        if (mixed) {
            return new TransactionMode(
                    false, "without a transaction (mixed=true, it holds statements that cannot run in one)", false);
        }
        return new TransactionMode(
                false,
                "refused by Flyway: it mixes statements that cannot run in a transaction with ones that can;"
                        + " split the migration or set mixed=true",
                true);
    }

    /** The statement's text without leading comments, whitespace collapsed, upper case. */
    static String simplified(SqlStatement s) {
        String text = LEADING_COMMENTS.matcher(s.text()).replaceFirst("");
        return text.replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }
}
