// The exact violation lines, then the enforcer's one summary failure.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migration/V1__init.sql: [legacyMigrationFreeze] is the locked src/main/resources/db/migration/V001__init.sql renamed; Flyway would see a new migration and a missing one - rename it back to V001__init.sql/$,
    $/src/main/resources/db/migration/V002__add_email.sql: [legacyMigrationFreeze] has changed since it was locked: expected sha256 5d9adb6b931fbaecf646a8c1947d75b17f86efda9836bc3cf0c3331557d3230b (Flyway crc32 1859600224), found sha256 16835f23d864df73f1577daead8eef0928ac33e59ea3e10592c53d81e506610a (crc32 695682480); databases that ran it keep the old version - restore it (git checkout -- src/main/resources/db/migration/V002__add_email.sql) and make the change in a new migration (`mvn migration:new`)/$,
    $/src/main/resources/db/undo/U20260101120000__create_orders.sql: [legacyMigrationFreeze] was deleted, but it is locked (src/main/resources/db/migrations.lock:16); databases that ran it no longer match the code - restore it (git checkout -- src/main/resources/db/undo/U20260101120000__create_orders.sql); to undo its change, write a new migration/$,
    $/src/main/resources/db/migration/V0005__sneaky.sql: [legacyMigrationFreeze] is a new file at version 0005, at or below frozenThrough 20260101120000, where no new migration may go - run `mvn migration:rebase -Dmigration.frozenThrough=20260101120000` (or configure frozenThrough for the plugin) to give it, and its down script, a version after the newest migration/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.contains('[ERROR] 4 migration violations; see above')
return true
