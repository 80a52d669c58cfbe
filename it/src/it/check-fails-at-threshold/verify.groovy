// failOn=high: a high finding fails the goal, printed in the check form with column and severity
def lines = new File(basedir, "build.log").readLines()
assert lines.contains("[ERROR] src/main/resources/db/migration/V2__rename_email.sql:1:1: high [rename-column] renames column users.email to email_address - expand/contract: add the new column, write both, backfill, switch reads, drop the old column later")
assert lines.any { it.startsWith("[ERROR] Failed to execute goal dev.migrationsafety:migration-maven-plugin:") && it.endsWith("1 migration finding at or above high; see above. Fix each, or allow it with -- migration:allow <check> reason=\"<why it is safe>\" on the line above the statement -> [Help 1]") }
// no annotations outside GitHub Actions
assert !lines.any { it.startsWith("::") }
// the reports are written before the failure
assert new File(basedir, "target/migration/check.sarif").isFile()
