// After a finished deploy verify passes; with a migration the deploy did not apply, it fails naming it.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (deployed, unfinished) = [runs[1], runs[2]]

assert deployed.contains('[INFO] Verify of jdbc:postgresql://127.0.0.1:5432/test as postgres: 3 applied, 0 pending,'
        + ' 0 failed, 0 changed, 0 missing, 0 out of order\n')
assert deployed.contains('[INFO] Result: PASSED\n')
assert deployed.contains('[INFO] Reports: target/migration/verify.md, target/migration/verify.json\n')
assert !deployed.contains('[ERROR]') && !deployed.contains('[WARNING]')
assert deployed.contains('BUILD SUCCESS')

assert unfinished.contains('[INFO] Verify of jdbc:postgresql://127.0.0.1:5432/test as postgres: 3 applied, 1 pending,'
        + ' 0 failed, 0 changed, 0 missing, 0 out of order\n')
assert unfinished.contains('[INFO] Target history: 1 finding(s), 1 blocking\n')
assert unfinished.contains('[ERROR]   next/V5__add_phone.sql: high [pending-migration] migration V5__add_phone.sql is'
        + ' not applied - run flyway migrate (the deploy did not finish, or points at another database)\n')
assert unfinished.contains('[ERROR] Result: BLOCKED by 1 finding: pending-migration\n')
assert unfinished.contains('migration:verify blocked by 1 finding (see above); fix each, or relax its id with'
        + ' -Dmigration.allow=<id> (docs/goals/verify.md)')
assert unfinished.contains('BUILD FAILURE')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migration/verify.json'))
assert json.goal == 'verify' && json.passed == false
assert json.sections[0].findings*.id == ['pending-migration']
assert !new File(basedir, 'target/migration/plan.sql').exists()

evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def rs = c.createStatement().executeQuery('SELECT count(*) FROM release_spine_verify_pg.flyway_schema_history')
    rs.next()
    assert rs.getInt(1) == 3
    c.createStatement().execute('DROP SCHEMA release_spine_verify_pg CASCADE')
}
return true

// what a half-finished deploy leaves behind is checked, and nothing is left here
assert new File(basedir, 'target/migration/verify.md').text.contains('## Deploy leftovers\n\nNo findings.')
