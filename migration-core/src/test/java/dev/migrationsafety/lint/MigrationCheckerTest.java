package dev.migrationsafety.lint;

import static dev.migrationsafety.lint.Ops.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.history.LockFile;
import dev.migrationsafety.history.Locker;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCheckerTest {
    @TempDir
    Path base;

    private Path migrations;
    private Path undo;
    private Path cache;
    private final LineAnalyzer analyzer = new LineAnalyzer();

    @BeforeEach
    void project() throws IOException {
        migrations = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
        undo = Files.createDirectories(base.resolve("src/main/resources/db/undo"));
        cache = base.resolve("target/migration/cache");
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users\n");
        Files.writeString(migrations.resolve("V2__drop_nick.sql"), "ALTER TABLE users DROP COLUMN nick\n");
        Files.writeString(undo.resolve("U2__drop_nick.sql"), "ALTER TABLE users ADD COLUMN nick\n");
    }

    private MigrationSet scan() {
        return new MigrationScanner().scan(MigrationLayout.defaults(base));
    }

    private MigrationChecker checker(LockedMigrations locked, boolean includeLocked, AllowList allow) {
        return new MigrationChecker(analyzer, Dialect.POSTGRESQL, locked, includeLocked, allow, cache);
    }

    @Test
    void findsAcrossUpAndDownWithPaths() {
        MigrationChecker.CheckResult r = checker(null, false, null).check(scan());
        assertEquals(List.of("drop-column", "lossy-rollback"), ids(r.findings()));
        assertEquals(
                "src/main/resources/db/migration/V2__drop_nick.sql",
                r.findings().get(0).path());
        assertEquals(
                "src/main/resources/db/undo/U2__drop_nick.sql",
                r.findings().get(1).path());
        assertEquals(3, r.checkedFiles());
        assertEquals(List.of("drop-column"), ids(r.blocking(Severity.CRITICAL)));
        assertEquals(List.of("drop-column", "lossy-rollback"), ids(r.blocking(Severity.MEDIUM)));
    }

    @Test
    void anUnchangedProjectIsNotAnalysedAgain() throws IOException {
        MigrationChecker.CheckResult first = checker(null, false, null).check(scan());
        assertEquals(3, first.analysedFiles());
        int calls = analyzer.calls.get();
        MigrationChecker.CheckResult second = checker(null, false, null).check(scan());
        assertEquals(0, second.analysedFiles());
        assertEquals(calls, analyzer.calls.get());
        assertEquals(first.findings(), second.findings());

        // changing the up script re-checks it and its down script (which depends on it), nothing else
        Files.writeString(migrations.resolve("V2__drop_nick.sql"), "ALTER TABLE users DROP COLUMN nick\n-- now\n");
        MigrationChecker.CheckResult third = checker(null, false, null).check(scan());
        assertEquals(2, third.analysedFiles());
        assertEquals(first.findings(), third.findings());
    }

    @Test
    void aScriptConfigurationChangeInvalidatesItsFile() throws IOException {
        Files.writeString(migrations.resolve("V3__ix.sql"), "CREATE TABLE audit\n");
        checker(null, false, null).check(scan());
        Files.writeString(migrations.resolve("V3__ix.sql.conf"), "executeInTransaction=true\n");
        assertEquals(1, checker(null, false, null).check(scan()).analysedFiles());
        assertEquals(0, checker(null, false, null).check(scan()).analysedFiles());
    }

    @Test
    void theCacheIsPerDialect() {
        checker(null, false, null).check(scan());
        var mysql = new MigrationChecker(analyzer, Dialect.MYSQL, null, false, null, cache);
        assertEquals(3, mysql.check(scan()).analysedFiles());
    }

    @Test
    void aCorruptCacheIsIgnoredAndRewritten() throws IOException {
        checker(null, false, null).check(scan());
        Path file;
        try (var files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        for (String garbage : List.of(
                "",
                "not a cache",
                Files.readString(file).replace("\tfile", "\tbogus").replaceFirst("\t1\n", "\tNaN\n"),
                "\u0000\u0001binary")) {
            Files.writeString(file, garbage);
            MigrationChecker.CheckResult r = checker(null, false, null).check(scan());
            assertEquals(List.of("drop-column", "lossy-rollback"), ids(r.findings()), garbage);
            assertEquals(0, checker(null, false, null).check(scan()).analysedFiles(), "rewritten after: " + garbage);
        }
    }

    @Test
    void lockedMigrationsAndTheirDownScriptsAreLeftOutUnlessIncluded() throws Exception {
        Path lock = base.resolve("src/main/resources/db/migrations.lock");
        LockFile lockFile = new Locker(false, null)
                .update(ProjectHistory.load(MigrationLayout.defaults(base), lock))
                .lock();
        Files.writeString(lock, lockFile.render("src/main/resources/db/migrations.lock"));
        LockedMigrations locked = LockedMigrations.fromLockFile(base, lock);
        MigrationChecker.CheckResult r = checker(locked, false, null).check(scan());
        assertEquals(List.of(), r.findings());
        assertEquals(3, r.skippedLocked());
        assertEquals(2, checker(locked, true, null).check(scan()).findings().size());
    }

    @Test
    void aLockedFileEditedSinceItWasLockedIsCheckedAgain() throws Exception {
        Path lock = base.resolve("src/main/resources/db/migrations.lock");
        Files.writeString(migrations.resolve("V2__drop_nick.sql"), "ALTER TABLE users ADD COLUMN nick\n");
        Files.writeString(undo.resolve("U2__drop_nick.sql"), "ALTER TABLE users DROP COLUMN nick\n");
        LockFile lockFile = new Locker(false, null)
                .update(ProjectHistory.load(MigrationLayout.defaults(base), lock))
                .lock();
        Files.writeString(lock, lockFile.render("src/main/resources/db/migrations.lock"));
        assertEquals(
                List.of(),
                checker(LockedMigrations.fromLockFile(base, lock), false, null)
                        .check(scan())
                        .findings());
        // the locked up script becomes destructive: the freeze rule reports the edit, and the check its finding
        Files.writeString(migrations.resolve("V2__drop_nick.sql"), "ALTER TABLE users DROP COLUMN nick\n");
        MigrationChecker.CheckResult r =
                checker(LockedMigrations.fromLockFile(base, lock), false, null).check(scan());
        assertEquals(List.of("drop-column"), ids(r.findings()));
        assertEquals(
                "src/main/resources/db/migration/V2__drop_nick.sql",
                r.findings().get(0).path());
        assertEquals(2, r.skippedLocked());
    }

    @Test
    void aMissingOrDamagedLockFileLocksNothing() throws Exception {
        assertEquals(
                2,
                checker(LockedMigrations.fromLockFile(base, base.resolve("missing.lock")), false, null)
                        .check(scan())
                        .findings()
                        .size());
        Path lock = base.resolve("src/main/resources/db/migrations.lock");
        LockFile lockFile = new Locker(false, null)
                .update(ProjectHistory.load(MigrationLayout.defaults(base), lock))
                .lock();
        // a merge conflict in the lock file: fail closed, check everything
        Files.writeString(
                lock, "<<<<<<< HEAD\n" + lockFile.render("src/main/resources/db/migrations.lock") + ">>>>>>> b\n");
        assertEquals(
                2,
                checker(LockedMigrations.fromLockFile(base, lock), false, null)
                        .check(scan())
                        .findings()
                        .size());
    }

    @Test
    void thePomAllowListAppliesAfterTheCache() {
        AllowList allow = new AllowList(
                "pom.xml",
                List.of(new AllowList.Entry("V2__drop_nick.sql", "drop-column", "nick was never filled in")));
        checker(null, false, null).check(scan());
        MigrationChecker.CheckResult r = checker(null, false, allow).check(scan());
        assertEquals(List.of("lossy-rollback"), ids(r.findings()));
        assertEquals(0, r.analysedFiles());
    }

    @Test
    void unreadableContentIsAFindingNotAFailure() throws IOException {
        Files.write(migrations.resolve("V3__binary.sql"), new byte[] {'S', 'E', 'L', '\n', 0, 1, 2});
        Files.write(migrations.resolve("V4__latin1.sql"), new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});
        List<Finding> f = checker(null, false, null).check(scan()).findings();
        Finding binary = f.stream()
                .filter(x -> x.path().endsWith("V3__binary.sql"))
                .findFirst()
                .orElseThrow();
        assertEquals("not-analysable", binary.ruleId());
        assertEquals(2, binary.line());
        assertTrue(binary.message().startsWith("cannot be analysed: "), binary.message());
        Finding latin1 = f.stream()
                .filter(x -> x.path().endsWith("V4__latin1.sql"))
                .findFirst()
                .orElseThrow();
        assertTrue(latin1.message().contains("UTF-8"), latin1.message());
        assertEquals(1, latin1.line());
    }

    @Test
    void aHugeFileIsAFindingNotAnOutOfMemory() throws IOException {
        byte[] big = new byte[(int) SourceText.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '-');
        Files.write(migrations.resolve("V5__huge.sql"), big);
        Finding f = checker(null, false, null).check(scan()).findings().stream()
                .filter(x -> x.path().endsWith("V5__huge.sql"))
                .findFirst()
                .orElseThrow();
        assertEquals("not-analysable", f.ruleId());
        assertTrue(f.message().contains("16 MB"), f.message());
    }

    @Test
    void scriptConfigForcingATransactionIsRead() throws IOException {
        assertEquals(Boolean.TRUE, ScriptConfig.executeInTransaction("executeInTransaction = true\n".getBytes()));
        assertEquals(Boolean.FALSE, ScriptConfig.executeInTransaction("executeInTransaction=false".getBytes()));
        assertEquals(null, ScriptConfig.executeInTransaction("mixed=true".getBytes()));
        assertEquals(null, ScriptConfig.executeInTransaction(null));
    }
}
