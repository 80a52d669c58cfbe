package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column type change knows the type an earlier migration gave the column (found on real histories: widening a
 * {@code varchar(255)} created years before was reported as a risky type change).
 */
class EarlierColumnTypesTest {
    @TempDir
    Path base;

    private List<String> findings(Dialect dialect, boolean lockEarlier, String... files) throws IOException {
        Path dir = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(dir.resolve("V" + (i + 1) + "__m" + (i + 1) + ".sql"), files[i]);
        }
        LockedMigrations locked =
                lockEarlier ? f -> !f.version().toString().equals(String.valueOf(files.length)) : null;
        MigrationChecker checker = new MigrationChecker(
                StandardFileAnalyzer.INSTANCE, dialect, locked, false, null, base.resolve("target/cache"));
        List<Finding> found = checker.check(new MigrationScanner().scan(MigrationLayout.defaults(base)))
                .findings();
        return found.stream()
                .map(f -> f.path().replaceAll(".*/", "") + ":" + f.line() + " " + f.ruleId() + " " + f.message())
                .toList();
    }

    @Test
    void wideningAColumnAnEarlierMigrationCreatedIsNoFinding() throws IOException {
        assertEquals(
                List.of(),
                findings(
                        Dialect.POSTGRESQL,
                        false,
                        "CREATE TABLE jobs (id bigint PRIMARY KEY, name varchar(255), note varchar(64));\n",
                        "ALTER TABLE jobs ADD COLUMN owner varchar(100);\n",
                        "ALTER TABLE jobs ALTER COLUMN name TYPE varchar;\n"
                                + "ALTER TABLE jobs ALTER COLUMN note TYPE text;\n"
                                + "ALTER TABLE jobs ALTER COLUMN owner TYPE varchar(200);\n"));
    }

    @Test
    void theEarlierTypesComeFromLockedMigrationsToo() throws IOException {
        assertEquals(
                List.of(),
                findings(
                        Dialect.POSTGRESQL,
                        true,
                        "CREATE TABLE jobs (id bigint PRIMARY KEY, name varchar(255));\n",
                        "ALTER TABLE jobs ALTER COLUMN name TYPE varchar(512);\n"));
    }

    @Test
    void aNarrowingNamesWhatItCutsAndTheLatestTypeCounts() throws IOException {
        assertEquals(
                List.of("V3__m3.sql:1 change-column-type changes the type of jobs.name to varchar(100): "
                        + "varchar(300) -> varchar(100) truncates or rejects values longer than 100 characters"),
                findings(
                        Dialect.POSTGRESQL,
                        false,
                        "CREATE TABLE jobs (id bigint PRIMARY KEY, name varchar(50));\n",
                        "ALTER TABLE jobs ALTER COLUMN name TYPE varchar(300);\n",
                        "ALTER TABLE jobs ALTER COLUMN name TYPE varchar(100);\n"));
    }

    @Test
    void aColumnNoMigrationTypedStaysAFinding() throws IOException {
        assertEquals(
                List.of("V1__m1.sql:1 change-column-type changes the type of legacy.name to varchar"),
                findings(Dialect.POSTGRESQL, false, "ALTER TABLE legacy ALTER COLUMN name TYPE varchar;\n"));
    }

    @Test
    void onMySqlAWideningStillRewritesAndIsReported() throws IOException {
        assertEquals(
                1,
                findings(
                                Dialect.MYSQL,
                                false,
                                "CREATE TABLE jobs (id bigint PRIMARY KEY, name varchar(50));\n",
                                "ALTER TABLE jobs MODIFY COLUMN name varchar(300);\n")
                        .size());
    }
}
