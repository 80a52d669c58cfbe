// An up that uses a placeholder the plugin configuration does not give, in both modes against PostgreSQL: the error
// names the line of the placeholder (Flyway's own message names the start of the script) and the way to give it a
// value; the migration before it is not reported as passed in chain mode, whose round trip never got to its down.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (step, chain) = [runs[1], runs[2]]

def error = '[ERROR] src/main/resources/db/migration/V2__accounts_tenant.sql:3: up of V2__accounts_tenant failed:' +
        ' No value provided for placeholder: ${tenant} (Flyway stops there in a deployment too); add it to the plugin' +
        ' configuration: <placeholders><tenant>value</tenant></placeholders>'
assert step.contains(error + ' - fix this migration first: the migrations after it were not run')
assert step =~ /\[INFO\] V1__accounts  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/
assert step =~ /\[INFO\] V2__accounts_tenant  up [0-9.]+ m?s, down -, re-up -  FAILED/
assert step =~ /\[INFO\] 2 migrations \(step mode\) in [0-9.]+ m?s: 1 passed, 0 with warnings, 1 failed, 0 irreversible, 0 not run/

assert chain.contains(error + '\n')
assert chain =~ /\[INFO\] V1__accounts  up [0-9.]+ m?s, down -, re-up -  NOT_RUN \(up only: the chain broke at V2__accounts_tenant before its down\)/
assert chain =~ /\[INFO\] V2__accounts_tenant  up [0-9.]+ m?s, down -, re-up -  FAILED/
assert chain =~ /\[INFO\] 2 migrations \(chain mode\) in [0-9.]+ m?s: 0 passed, 0 with warnings, 1 failed, 0 irreversible, 1 not run/
[step, chain].each { run ->
    assert run.contains('[INFO] BUILD FAILURE')
    assert run.contains('1 migration failed the round trip; see the lines above and target/migration/roundtrip.md - fix the ups and downs named there')
    assert !run.contains('Redgate') && !run.contains('red-gate')
}
return true
