// The plan fails on the failed row and the edited applied file, names what will run and writes its reports; with
// both ids allowed it passes. The database is only read (the seeded rows are as the setup left them).
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (blocked, allowed) = [runs[1], runs[2]]
def history = evaluate(new File(itShared, 'history.groovy'))
int file = history.checksum(new File(basedir, 'src/main/resources/db/migration/V1__create_customer.sql'))
int applied = history.checksum('CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n')

[blocked, allowed].each { run ->
    assert run.contains('[INFO] Plan for jdbc:postgresql://127.0.0.1:5432/test as postgres: 2 applied, 3 pending,'
            + ' 1 failed, 1 changed, 0 missing, 0 out of order\n')
    assert run.contains('[INFO] Pending, in order: V2_1__half_done.sql, V3__add_email.sql, V4__index_orders.sql\n')
    assert run.contains('[INFO] Reports: target/migration/plan.md, target/migration/plan.json,'
            + ' target/migration/plan.sql\n')
}
assert blocked.contains('[INFO] Target history: 2 finding(s), 2 blocking\n')
assert blocked.contains('[ERROR]   release_spine_plan_pg.flyway_schema_history: high [failed-migration] migration'
        + ' 2.1 (half done) failed (installed_rank 3, script V2_1__half_done.sql); Flyway refuses to migrate until'
        + ' the row is removed - undo what it did by hand, then run flyway repair (or delete the row) and deploy'
        + ' again\n')
assert blocked.contains("[ERROR]   src/main/resources/db/migration/V1__create_customer.sql: high [checksum-mismatch]"
        + " applied migration 1 (create customer) was changed after it was applied (checksum ${applied} in"
        + " release_spine_plan_pg.flyway_schema_history, ${file} of the file) - restore the file as it was applied"
        + " and put the change in a new migration\n")
assert blocked.contains('[ERROR] Result: BLOCKED by 2 findings: failed-migration, checksum-mismatch\n')
assert blocked.contains('migration:plan blocked by 2 findings (see above); fix each, or relax its id with'
        + ' -Dmigration.allow=<id> (docs/goals/plan.md)')
assert blocked.contains('BUILD FAILURE')

assert allowed.contains('[WARNING]   release_spine_plan_pg.flyway_schema_history: high [failed-migration]')
assert allowed.contains('[INFO] Result: PASSED (2 blocking finding(s) allowed by migration.allow)\n')
assert allowed.contains('BUILD SUCCESS')

def sql = new File(basedir, 'target/migration/plan.sql').text
assert sql.startsWith('-- Dry run for jdbc:postgresql://127.0.0.1:5432/test as postgres: 3 pending migrations,'
        + ' in the order flyway migrate runs them.\n')
assert sql.contains('\n-- [2/3] src/main/resources/db/migration/V3__add_email.sql, in a transaction\n'
        + 'ALTER TABLE customer ADD COLUMN email VARCHAR(200);\n'
        + "UPDATE customer SET email = 'ops@example.com' WHERE id = 1;\n")
assert sql.contains('\n-- [3/3] src/main/resources/db/migration/V4__index_orders.sql, without a transaction'
        + ' (statements that cannot run in one, such as CONCURRENTLY)\n')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migration/plan.json'))
assert json.goal == 'plan' && json.passed == true
assert json.history.applied == 2 && json.history.failed == 1 && json.history.changed == 1
assert json.pending*.file.collect { it.replaceAll('.*/', '') } ==
        ['V2_1__half_done.sql', 'V3__add_email.sql', 'V4__index_orders.sql']
assert new File(basedir, 'target/migration/plan.md').text.contains('**Result: PASSED (2 blocking finding(s) allowed')

// nothing was written: the seeded rows are as they were, and no table was added
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM release_spine_plan_pg.customer),"
            + " (SELECT count(*) FROM release_spine_plan_pg.flyway_schema_history),"
            + " (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'release_spine_plan_pg')")
    rs.next()
    assert [rs.getInt(1), rs.getInt(2), rs.getInt(3)] == [2, 3, 3]
    c.createStatement().execute('DROP SCHEMA release_spine_plan_pg CASCADE')
}
return true

// the target's own sections: the preflight sees nothing in the way, the impact reads the table in Flyway's schema
String planMd = new File(basedir, 'target/migration/plan.md').text
assert planMd.contains('## Preflight\n\n- replica lag: no replica is streaming from the target, or none is visible to this account\n')
assert planMd.contains('- src/main/resources/db/migration/V3__add_email.sql:2: customer: ~2 rows, ')
assert planMd.contains('UPDATE takes lock ROW EXCLUSIVE')
