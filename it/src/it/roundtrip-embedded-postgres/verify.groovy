def log = new File(basedir, 'build.log').text
def first = '[INFO] Round trip (step mode) of 2 migrations on embedded PostgreSQL 17.5.0 (dialect postgresql from the' +
        ' dependency org.postgresql:postgresql)\n'
assert log.contains(first)
// the first line of the goal, before the server starts
assert log.indexOf(first) < log.indexOf('Started embedded PostgreSQL')
assert log.substring(log.indexOf('--- migration:'), log.indexOf(first)).count('[INFO]') == 0
assert log =~ /\[INFO\] Started embedded PostgreSQL on 127\.0\.0\.1:\d+/
assert log =~ /\[INFO\] Created scratch database migration_rt_\d{14}_[a-z0-9]{6}; it is dropped at the end/
assert log =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] V2__users_name_index  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log.contains('2 passed, 0 with warnings, 0 failed')
return true
