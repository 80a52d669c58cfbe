// MariaDB: the plan fails on the missing file and the out-of-order migration; with outOfOrder and the missing file
// allowed it passes and runs V1_5 first. The database is only read.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (blocked, relaxed) = [runs[1], runs[2]]
def target = 'jdbc:mariadb://127.0.0.1:3306/release_spine_plan_mariadb as root'

assert blocked.contains("[INFO] Plan for ${target}: 3 applied, 1 pending, 0 failed, 0 changed, 1 missing,"
        + " 1 out of order\n")
assert blocked.contains('[INFO] Pending, in order: V3__add_email.sql\n')
assert blocked.contains('[ERROR]   release_spine_plan_mariadb.flyway_schema_history: medium [missing-migration-file]'
        + ' applied migration 0.9 (old seed) has no file (V0_9__old_seed.sql) - restore the file, or run flyway'
        + ' repair if it was removed on purpose\n')
assert blocked.contains('[ERROR]   src/main/resources/db/migration/V1_5__index_customer_name.sql: high'
        + ' [out-of-order-migration] version 1.5 is older than the newest applied version 2; Flyway refuses to'
        + ' migrate (validate: resolved migration not applied) - rename it to a version above 2 (mvn'
        + ' migration:rebase), or set flyway.outOfOrder=true\n')
assert blocked.contains('[ERROR] Result: BLOCKED by 2 findings: missing-migration-file, out-of-order-migration\n')
assert blocked.contains('BUILD FAILURE')

assert relaxed.contains("[INFO] Plan for ${target}: 3 applied, 2 pending, 0 failed, 0 changed, 1 missing,"
        + " 1 out of order\n")
assert relaxed.contains('[INFO] Pending, in order: V1_5__index_customer_name.sql, V3__add_email.sql\n')
assert relaxed.contains('[WARNING]   src/main/resources/db/migration/V1_5__index_customer_name.sql: low'
        + ' [out-of-order-migration] version 1.5 is older than the newest applied version 2; Flyway runs it out of'
        + ' order (outOfOrder=true) - make sure it does not depend on a newer migration\n')
assert relaxed.contains('[INFO] Result: PASSED (1 blocking finding(s) allowed by migration.allow)\n')
assert relaxed.contains('BUILD SUCCESS')

def sql = new File(basedir, 'target/migration/plan.sql').text
assert sql.contains('\n-- [2/2] src/main/resources/db/migration/V3__add_email.sql, in a transaction (MariaDB/MySQL'
        + ' commit each DDL statement on its own)\n'
        + 'ALTER TABLE customer ADD COLUMN email VARCHAR(200);\n'
        + "UPDATE customer SET email = 'ops@example.com' WHERE id = 1;\n")

evaluate(new File(itShared, 'servers.groovy')).mariadb { c ->
    def rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM release_spine_plan_mariadb.customer),"
            + " (SELECT count(*) FROM release_spine_plan_mariadb.flyway_schema_history),"
            + " (SELECT count(*) FROM information_schema.statistics WHERE table_schema = 'release_spine_plan_mariadb'"
            + " AND index_name = 'ix_customer_name')")
    rs.next()
    assert [rs.getInt(1), rs.getInt(2), rs.getInt(3)] == [2, 3, 0]
    c.createStatement().execute('DROP DATABASE release_spine_plan_mariadb')
}
return true
