// Against the running PostgreSQL, both modes. V3 empties the search path as a pg_dump file does; the unqualified
// scripts after it (V4, and U2 after U3 in chain mode) pass because every script starts from the session Flyway
// gives a migration.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (step, chain) = [runs[1], runs[2]]

assert step =~ /\[INFO\] Round trip \(step mode\) of 4 migrations on jdbc:postgresql:\/\/[^ ]+ as \w+/
assert chain =~ /\[INFO\] Round trip \(chain mode\) of 4 migrations on jdbc:postgresql:\/\/[^ ]+ as \w+/
['V1__create_users', 'V2__users_name_index', 'V3__audit_from_pg_dump', 'V4__users_email'].each { m ->
    assert step =~ /\[INFO\] ${m}  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
    assert chain =~ /\[INFO\] ${m}  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
}
[step, chain].each { run ->
    assert run =~ /\[INFO\] Created scratch database migration_rt_\d{14}_[a-z0-9]{6}; it is dropped at the end/
    assert run.contains('4 passed, 0 with warnings, 0 failed')
    // as a superuser step mode keeps its snapshots from the change log, and says nothing about it
    assert !run.contains('NOTE: each snapshot')
    assert !run.contains('[ERROR]')
    assert run.contains('BUILD SUCCESS')
}
return true
