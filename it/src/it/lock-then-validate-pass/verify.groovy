// lock writes one entry per file, sorted by version, repeatables last, and a sum; then all three rules pass
// (requireLocked included), so the project's legacy V001__init.sql is accepted because it is locked. Flyway's
// own files in the location, a callback (afterMigrate.sql) and a per-script configuration (V...sql.conf), are
// neither locked nor reported.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
assert log.contains('[INFO] Wrote src/main/resources/db/migrations.lock (6 entries); commit it with the migrations')
assert log.findAll { it == '[INFO] BUILD SUCCESS' }.size() == 1
assert !log.any { it.startsWith('[ERROR]') || it.contains('[migration') || it.contains('[linearMigrationHistory]') || it.contains('[legacyMigrationFreeze]') }

def lines = new File(basedir, 'src/main/resources/db/migrations.lock').readLines()
assert lines[0] == '# Migration lock file, written by `mvn migration:lock`: do not edit it by hand.'
assert lines.any { it.startsWith('# A git merge conflict in this file means that two branches each added migrations') }
def data = lines.findAll { !it.startsWith('#') }
def shape = data.collect { it.replaceAll(/sha256:[0-9a-f]{64}/, 'sha256:H').replaceAll(/crc32:-?\d+/, 'crc32:C') }
def m = 'src/main/resources/db/migration/'
def u = 'src/main/resources/db/undo/'
assert shape == [
    'format 1',
    "V 001 sha256:H crc32:C ${m}V001__init.sql",
    "V 20260101120000 sha256:H crc32:C ${m}V20260101120000__create_users.sql",
    "U 20260101120000 sha256:H crc32:C ${u}U20260101120000__create_users.sql",
    "V 20260102120000 sha256:H crc32:C ${m}V20260102120000__drop_legacy.sql",
    "U 20260102120000 sha256:H crc32:C ${u}U20260102120000__drop_legacy.sql",
    "R - sha256:H crc32:C ${m}R__user_ids.sql",
    'sum sha256:H',
]*.toString()
// Flyway's checksum of the legacy file, as recorded in flyway_schema_history (computed by Flyway 13 in the unit tests)
assert data[1].contains(' crc32:-3448353 ')
return true
