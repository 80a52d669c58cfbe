// A MariaDB project (its driver among the dependencies) runs on an embedded MariaDB, with SQL that H2's MySQL mode
// cannot run: a FULLTEXT index, a prefix index, several clauses in one ALTER TABLE.
def log = new File(basedir, 'build.log').text
def first = '[INFO] Round trip (step mode) of 2 migrations on embedded MariaDB 11.4.5 (dialect mysql from the' +
        ' dependency org.mariadb.jdbc:mariadb-java-client)\n'
assert log.contains(first)
assert log.indexOf(first) < log.indexOf('Started embedded MariaDB')
assert log =~ /\[INFO\] Started embedded MariaDB on 127\.0\.0\.1:\d+/
assert log =~ /\[INFO\] Created scratch database migration_rt_\d{14}_[a-z0-9]{6}; it is dropped at the end/
assert log =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] V2__users_name_prefix  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log.contains('2 passed, 0 with warnings, 0 failed')
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING]')
return true
