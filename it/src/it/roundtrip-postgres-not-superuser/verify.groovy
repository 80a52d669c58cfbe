// Without superuser rights the round trip cannot install its event triggers: it says so once, reads the whole
// catalogue for each snapshot instead, and finds the same.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] NOTE: each snapshot reads the whole catalogue (ERROR: permission denied to create event'
        + ' trigger "migration_roundtrip_ddl" Hint: Must be superuser to create an event trigger.); as a superuser,'
        + ' step mode reads only what each migration changed')
assert log.count('NOTE: each snapshot') == 1
assert log =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log =~ /\[INFO\] V2__users_name_index  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert log.contains('2 passed, 0 with warnings, 0 failed')
return true
