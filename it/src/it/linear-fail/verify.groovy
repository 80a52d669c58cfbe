// The exact violation lines, then the enforcer's one summary failure.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migration/V20260201120000__first.sql: [linearMigrationHistory] has version 20260201120000, the same version as src/main/resources/db/migration/V20260201120000.0__second.sql (Flyway reads 20260201120000 and 20260201120000.0 as one version) and fails on both - give it a new version: run `mvn migration:rebase`/$,
    $/src/main/resources/db/migration/V20260105120000__mine.sql: [linearMigrationHistory] is out of order: version 20260105120000 is not newer than src/main/resources/db/migration/V20260110120000__from_main.sql (version 20260110120000), the newest locked migration; environments that already ran it would skip or reject this one - run `mvn migration:rebase` to move it after 20260110120000, then `mvn migration:lock`/$,
    $/src/main/resources/db/migrations.lock:15: [linearMigrationHistory] locks src/main/resources/db/migration/V20260108120000__gone.sql, which no longer exists - restore the file (released migrations stay, even when a later one reverses them); if it never shipped, remove it with `mvn migration:lock -Dmigration.lock.force=true -Dmigration.lock.reason="..."`/$,
    $/src/main/resources/db/migrations.lock:16: [linearMigrationHistory] locks src/main/resources/db/undo/U20260108120000__gone.sql, which no longer exists - restore the file (released migrations stay, even when a later one reverses them); if it never shipped, remove it with `mvn migration:lock -Dmigration.lock.force=true -Dmigration.lock.reason="..."`/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.contains('[ERROR] 4 migration violations; see above')
return true
