package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockerRebaserTest {
    static final String M = Fixture.MIGRATIONS;
    static final String U = Fixture.UNDO;

    @TempDir
    Path dir;

    private Fixture released() {
        return new Fixture(dir).pair("20260101120000", "create_users").lock();
    }

    @Test
    void lockAddsNewFilesAndKeepsExistingEntries() throws LockFileException {
        Fixture f = released().pair("20260201120000", "add_email");
        Locker.Result result = new Locker(false, null).update(f.history());
        assertEquals(
                List.of(
                        "locked " + M + "V20260201120000__add_email.sql",
                        "locked " + U + "U20260201120000__add_email.sql"),
                result.changes());
        assertEquals(4, result.lock().entries().size());
        f.lock();
        assertFalse(new Locker(false, null).update(f.history()).changed(), "locking twice changes nothing");
    }

    @Test
    void lockRefusesAChangedFrozenFileUnlessForcedWithAReason() throws LockFileException {
        Fixture f = released().file(M + "V20260101120000__create_users.sql", "CREATE TABLE users (id BIGINT);\n");
        Locker.Result refused = new Locker(false, null).update(f.history());
        assertEquals(
                List.of(M + "V20260101120000__create_users.sql has changed since it was locked: restore it (git "
                        + "checkout -- " + M + "V20260101120000__create_users.sql) and put the change in a new "
                        + "migration (if it never reached a shared database: -Dmigration.lock.force=true "
                        + "-Dmigration.lock.reason=\"...\")"),
                refused.refusals());
        assertTrue(new Locker(true, " ").update(f.history()).refusals().get(0).contains("needs a reason"));

        Locker.Result forced = new Locker(true, "typo fixed before release\nnever deployed").update(f.history());
        assertFalse(forced.refused());
        String text = forced.lock().render(Fixture.LOCK);
        assertTrue(text.contains("\n  forced: typo fixed before release never deployed\n"), text);
        f.file(Fixture.LOCK, text);
        LockFile reread = f.history().lock();
        assertEquals(
                "typo fixed before release never deployed",
                reread.byPath().get(M + "V20260101120000__create_users.sql").forcedReason());
        assertNull(f.history().lockError());
    }

    @Test
    void lockRefusesADeletedFrozenFileAndAnOutOfOrderOne() throws LockFileException {
        Fixture f = released().delete(U + "U20260101120000__create_users.sql").pair("20251201120000", "late");
        List<String> refusals = new Locker(false, null).update(f.history()).refusals();
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(
                refusals.get(0)
                        .startsWith(M + "V20251201120000__late.sql is not newer than the newest locked "
                                + "version 20260101120000: run `mvn migration:rebase` first"),
                refusals.get(0));
        assertTrue(
                refusals.get(1).startsWith(U + "U20260101120000__create_users.sql is locked but was deleted"),
                refusals.get(1));
    }

    @Test
    void lockRefusesADamagedLockFile() {
        Fixture f = released();
        f.file(Fixture.LOCK, f.read(Fixture.LOCK).replace("format 1", "format 1\n>>>>>>> feature"));
        LockFileException e = org.junit.jupiter.api.Assertions.assertThrows(
                LockFileException.class, () -> new Locker(false, null).update(f.history()));
        assertEquals(LockFileException.Problem.CONFLICT, e.problem());
    }

    @Test
    void repeatablesAreRelockedAndDroppedFreely() throws LockFileException {
        Fixture f = released()
                .file(M + "R__views.sql", "CREATE VIEW v AS SELECT 1;")
                .lock();
        f.file(M + "R__views.sql", "CREATE VIEW v AS SELECT 2;");
        assertEquals(
                List.of("updated the checksum of repeatable " + M + "R__views.sql"),
                new Locker(false, null).update(f.history()).changes());
        f.delete(M + "R__views.sql");
        assertEquals(
                List.of("dropped deleted repeatable " + M + "R__views.sql"),
                new Locker(false, null).update(f.history()).changes());
    }

    @Test
    void rebaseMovesOutOfOrderMigrationsAndTheirDownsAfterTheNewestLocked() throws Exception {
        // main locked 20260110; this branch added 20260105 (older) and 20260120 (fine)
        Fixture f = new Fixture(dir)
                .pair("20260101120000", "create_users")
                .pair("20260110120000", "from_main")
                .lock()
                .pair("20260105120000", "mine")
                .pair("20260120120000", "mine_too");
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC);
        List<Rebaser.Rename> plan = new Rebaser(NamingPolicy.DEFAULT, clock).plan(f.history());
        assertEquals(
                List.of(
                        M + "V20260105120000__mine.sql -> " + M + "V20260120120001__mine.sql",
                        U + "U20260105120000__mine.sql -> " + U + "U20260120120001__mine.sql"),
                plan.stream().map(r -> r.fromDisplay() + " -> " + r.toDisplay()).toList());
        Rebaser.apply(plan);
        assertTrue(Files.exists(dir.resolve(M + "V20260120120001__mine.sql")));
        assertTrue(Files.exists(dir.resolve(U + "U20260120120001__mine.sql")));
        assertEquals(List.of(), new LinearHistoryCheck(false).check(f.history()));
        assertEquals(List.of(), new Rebaser(NamingPolicy.DEFAULT, clock).plan(f.history()));
    }

    @Test
    void rebaseUsesTheClockWhenItIsLater() throws Exception {
        Fixture f = new Fixture(dir).pair("20260110120000", "from_main").lock().pair("20260105120000", "mine");
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        List<Rebaser.Rename> plan = new Rebaser(NamingPolicy.DEFAULT, clock).plan(f.history());
        assertEquals(dir.resolve(M + "V20260301100000__mine.sql"), plan.get(0).to());
    }

    @Test
    void rebaseNeverOverwrites() throws IOException, LockFileException, GitRecordException {
        Fixture f = new Fixture(dir).pair("20260110120000", "from_main").lock().pair("20260105120000", "mine");
        Clock clock = Clock.fixed(Instant.parse("2026-01-10T12:00:01Z"), ZoneOffset.UTC);
        List<Rebaser.Rename> plan = new Rebaser(NamingPolicy.DEFAULT, clock).plan(f.history());
        Files.writeString(plan.get(0).to(), "someone else's");
        org.junit.jupiter.api.Assertions.assertThrows(
                java.nio.file.FileAlreadyExistsException.class, () -> Rebaser.apply(plan));
        assertEquals("someone else's", Files.readString(plan.get(0).to()));
    }
}
