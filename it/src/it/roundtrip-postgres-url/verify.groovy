def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Round trip \(step mode\) of 2 migrations on jdbc:postgresql:\/\/[^ ]+ as \w+/
assert log =~ /\[INFO\] Created scratch database migration_rt_\d{14}_[a-z0-9]{6}; it is dropped at the end/
assert log =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] V2__users_name_index  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log.contains('2 passed, 0 with warnings, 0 failed')
// as a superuser the round trip keeps its snapshots from the change log, and says nothing about it
assert !log.contains('NOTE: each snapshot')
return true
