// Downs next to the ups, SQL callbacks and placeholders: every migration passes in both modes, no callback object is
// taken for a difference, no down is applied as a migration, and the downs got their placeholders replaced.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (step, chain) = [runs[1], runs[2]]

assert step.contains('[INFO] Round trip (step mode) of 3 migrations on H2 in memory (dialect h2 as configured)\n')
['V1__create_users', 'V2__users_name_index', 'V3__create_orders'].each { m ->
    assert step =~ /\[INFO\] ${m}  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
    assert chain =~ /\[INFO\] ${m}  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
}
assert step =~ /\[INFO\] 3 migrations \(step mode\) in [0-9.]+ m?s: 3 passed, 0 with warnings, 0 failed, 0 irreversible, 0 not run/
assert chain.contains('[INFO] Round trip (chain mode) of 3 migrations on H2 in memory (dialect h2 as configured)\n')
assert chain =~ /\[INFO\] 3 migrations \(chain mode\) in [0-9.]+ m?s: 3 passed, 0 with warnings, 0 failed, 0 irreversible, 0 not run/
[step, chain].each { run ->
    assert !run.contains('[ERROR]')
    assert !run.contains('[WARNING]')
    assert run.contains('BUILD SUCCESS')
}
def json = new File(basedir, 'target/migration/roundtrip.json').text
assert json.contains('"src/main/resources/db/migration/orders/U3__create_orders.sql"')
return true
