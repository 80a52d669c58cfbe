// The exact violation line, then the enforcer's one summary failure.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migration/V002__add_email.sql: [legacyMigrationFreeze] has changed since main, and its version 002 is at or below frozenThrough 2; databases that ran it keep the old version - restore it (git checkout main -- src/main/resources/db/migration/V002__add_email.sql) and make the change in a new migration (`mvn migration:new`)/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.contains('[ERROR] 1 migration violation; see above')
assert !new File(basedir, 'src/main/resources/db/migrations.lock').exists()
return true
