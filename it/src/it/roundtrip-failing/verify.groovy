def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] V2__users_name_index  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  FAILED/
assert log.contains('[ERROR] src/main/resources/db/undo/U2__users_name_index.sql: index USERS_NAME_IDX present but not expected after down of V2__users_name_index')
assert log.contains('[ERROR] src/main/resources/db/migration/V2__users_name_index.sql:1: re-up of V2__users_name_index failed: Index "USERS_NAME_IDX" already exists; SQL statement: CREATE INDEX users_name_idx ON users (name) [42111-232] [statement: CREATE INDEX users_name_idx ON users (name)]')
assert log =~ /\[INFO\] V3__users_email  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log.contains('[ERROR] Failed to execute goal dev.migrationsafety:migration-maven-plugin:')
assert log.contains('1 migration failed the round trip; see the lines above and target/migration/roundtrip.md')
def junit = new File(basedir, 'target/migration/roundtrip-junit.xml').text
assert junit.count('<failure ') == 1
return true
