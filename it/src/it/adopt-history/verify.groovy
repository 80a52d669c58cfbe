// Eight builds, one segment of build.log each: before adoption one suggestion per rule and goal; migration:adopt;
// then everything passes on the unchanged project; then a new destructive migration fails the rule and the check.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def builds = []
log.each { line ->
    if (line == '[INFO] Scanning for projects...') {
        builds << []
    } else if (!builds.isEmpty()) {
        builds[-1] << line
    }
}
assert builds.size() == 8
def errors = { b -> builds[b].findAll { it.startsWith('[ERROR] src/') } }
def failure = { b -> builds[b].find { it.startsWith('[ERROR] Failed to execute goal dev.migrationsafety') } }
def m = 'src/main/resources/db/migration'
def what = '42 migrations, all without a down script, and no lock file: an existing history that the checks do not know yet'
def fix = 'run `mvn migration:adopt` once: it records these migrations as released, accepts the findings they already have and prints the enforcer configuration; then commit the files it writes'

// 1. validate: one line from each rule that would have reported every file
assert errors(0) == [
    "[ERROR] ${m}: [migrationNaming] ${what} - ${fix}",
    "[ERROR] ${m}: [noDestructiveMigrations] ${what} - ${fix}",
]*.toString()
assert builds[0].contains('[INFO] BUILD FAILURE')
// 2. check: one suggestion instead of a line per finding (the reports, overwritten by later builds, list them)
assert errors(1) == ["[ERROR] ${m}: ${what} - ${fix}".toString()]
assert !builds[1].any { it.startsWith('[WARNING] src/') }
assert failure(1).endsWith(': 6 migration findings at or above critical in an existing history, listed in target/migration/check.md - run `mvn migration:adopt` to accept them, then new migrations are checked in full -> [Help 1]')
// 3. roundtrip: refuses up front instead of failing 42 migrations one by one
assert errors(2) == ["[ERROR] ${m}: ${what} - ${fix}; the round trip then tests only the migrations after the newest one".toString()]
assert failure(2).endsWith(': The round trip would fail 42 migrations for their missing down scripts - run `mvn migration:adopt`, or test only the migrations after the history with -Dmigration.startAfter=42 -> [Help 1]')

// 4. adopt
def adopt = builds[3].findAll { it.startsWith('[INFO] ') && !it.startsWith('[INFO]   ') }
def accepted = 'src/main/resources/db/migrations.accepted'
def lock = 'src/main/resources/db/migrations.lock'
assert adopt.containsAll([
    "[INFO] Locked 42 migrations and 1 repeatable migration as released in ${lock} (43 entries): the legacyMigrationFreeze rule keeps them as they are",
    '[INFO] Baseline 42: migration:roundtrip applies the migrations up to it without reversing them and tests every migration after it; new migrations need a down script',
    "[INFO] Accepted 7 findings (6 critical, 1 high) in 7 existing migrations, listed in ${accepted}: migration:check and the noDestructiveMigrations rule do not report them again; findings in new migrations are reported as before",
    "[INFO] Commit ${lock} and ${accepted}",
    "[INFO] Accepted: ${m}/README.md not a '.sql' file; Flyway ignores it (no migration; the migrationNaming rule leaves it where it is)",
    '[INFO] Then add the enforcer rules to the pom.xml (in <build><plugins>), so that every build checks new migrations at validate:',
]*.toString())
def start = builds[3].findIndexOf { it.startsWith('[INFO] Then add the enforcer rules') } + 1
def snippet = builds[3].subList(start, start + 28).collect { it.substring('[INFO]   '.length()) }
assert snippet.first() == '<plugin>' && snippet.last() == '</plugin>'
assert snippet.findAll { it.contains('<rules>') || it.endsWith('/>') }*.strip() == ['<rules>', '<migrationNaming/>', '<linearMigrationHistory/>', '<legacyMigrationFreeze/>', '<noDestructiveMigrations/>']
assert snippet.contains('      <artifactId>migration-enforcer-rules</artifactId>')
assert builds[3].contains('[INFO] BUILD SUCCESS')

def acceptedLines = new File(basedir, accepted).readLines()
assert acceptedLines[0] == '# Findings accepted by `mvn migration:adopt`, when this project started using migration-maven-plugin.'
assert acceptedLines.findAll { !it.startsWith('#') }.collect { it.replaceAll(/ [0-9a-f]{12} /, ' F ') } == [
    'format 1',
    'baseline 42',
    "accept drop-column F ${m}/V11__drop_customers_legacy_id.sql",
    "accept delete-without-where F ${m}/V15__clear_sessions.sql",
    "accept drop-table F ${m}/V21__drop_wishlist.sql",
    "accept update-without-where F ${m}/V25__backfill_orders_total.sql",
    "accept set-not-null F ${m}/V26__orders_total_not_null.sql",
    "accept drop-column F ${m}/V33__drop_coupons_percent.sql",
    "accept delete-without-where F ${m}/V36__purge_audit_log.sql",
    "accept migrationNaming - ${m}/README.md",
]*.toString()

// 5. the four rules, check and roundtrip pass on the unchanged project
def after = builds[4]
assert !after.any { it.startsWith('[ERROR]') || it.startsWith('[WARNING] src/') }
assert after.findAll { it ==~ /\[INFO\] Rule \d: .* passed/ }.size() == 4
assert after.contains("[INFO] Checked 43 migration file(s) (0 analysed, 43 from cache): 0 finding(s), 0 at or above critical, 7 accepted at adoption (listed in ${accepted}); reports in target/migration".toString())
assert after.contains("[INFO] Testing the migrations after the baseline 42 recorded in ${accepted} by migration:adopt (-Dmigration.startAfter=<version> tests from another one)".toString())
assert after.any { it ==~ /\[INFO\] 0 migrations \(step mode\) in .*: 0 passed, 0 with warnings, 0 failed, 0 irreversible, 0 not run/ }
assert after.contains('[INFO] BUILD SUCCESS')

// 6.-8. a new destructive migration fails the rule and the check; the accepted ones stay quiet
def created = builds[5].find { it ==~ /\[INFO\] Created src\/main\/resources\/db\/migration\/V\d{14}__drop_customer_fax\.sql/ }
assert created
def newFile = created.substring('[INFO] Created '.length())
assert errors(6) == [
    "[ERROR] ${newFile}:2: [drop-column] drops column CUSTOMERS.FAX and its values - expand/contract: deploy code that no longer uses the column, archive its values, then drop it".toString(),
]
assert builds[6].contains('[ERROR] Rule 3: dev.migrationsafety.enforcer.NoDestructiveMigrations failed with message:')
assert builds[6].findAll { it ==~ /\[INFO\] Rule \d: .* passed/ }.size() == 3
assert errors(7) == [
    "[ERROR] ${newFile}:2:1: critical [drop-column] drops column CUSTOMERS.FAX and its values - expand/contract: deploy code that no longer uses the column, archive its values, then drop it".toString(),
]
assert builds[7].contains("[INFO] Checked 45 migration file(s) (0 analysed, 45 from cache): 2 finding(s), 1 at or above critical, 7 accepted at adoption (listed in ${accepted}); reports in target/migration".toString())
return true
