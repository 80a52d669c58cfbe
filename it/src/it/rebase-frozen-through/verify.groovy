// The rule's exact line and its fix, the rebase's exact renames, then a passing build; released files stay.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def errors = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert errors == [
    $/src/main/resources/db/migration/V1.5__backfill.sql: [legacyMigrationFreeze] is a new file at version 1.5, at or below frozenThrough 2, where no new migration may go (main does not have it) - run `mvn migration:rebase -Dmigration.frozenThrough=2 -Dmigration.frozenBaseRef=main` (or configure frozenThrough for the plugin) to give it, and its down script, a version after the newest migration/$,
]
assert log.contains('[ERROR] 1 migration violation; see above')

def renamed = log.findAll { it.startsWith('[INFO] Renamed ') }
assert renamed.size() == 2
def v = (renamed[0] =~ /^\[INFO\] Renamed src\/main\/resources\/db\/migration\/V1\.5__backfill\.sql -> src\/main\/resources\/db\/migration\/V(\d{14})__backfill\.sql$/)
assert v.matches()
def version = v.group(1)
assert renamed[1] == "[INFO] Renamed src/main/resources/db/undo/U1.5__backfill.sql -> src/main/resources/db/undo/U${version}__backfill.sql".toString()
assert log.contains('[INFO] Now run `mvn migration:lock` (after testing) and commit the renamed files')

def migrations = new File(basedir, 'src/main/resources/db/migration').list().sort()
assert migrations == ['V001__init.sql', 'V002__add_email.sql', "V${version}__backfill.sql".toString()]
assert new File(basedir, 'src/main/resources/db/undo').list().toList() == ["U${version}__backfill.sql".toString()]
assert log.findAll { it == '[INFO] BUILD SUCCESS' }.size() == 2
assert log.findAll { it == '[INFO] BUILD FAILURE' }.size() == 1
return true
