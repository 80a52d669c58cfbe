// 1: the edited locked migration is refused and the lock file is left alone; 2: forced with a reason, the reason is
// recorded next to the entry, and the freeze rule in the same build accepts the re-locked file.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def m = 'src/main/resources/db/migration/V20260101120000__create_users.sql'
assert log.contains("[ERROR] ${m} has changed since it was locked: restore it (git checkout -- ${m}) and put the change in a new migration (if it never reached a shared database: -Dmigration.lock.force=true -Dmigration.lock.reason=\"...\")".toString())
assert log.any { it.startsWith('[ERROR] Failed to execute goal dev.migrationsafety:migration-maven-plugin:') && it.endsWith(':lock (default-cli) on project lock-refuse-changed: src/main/resources/db/migrations.lock was not changed: 1 problem; see above -> [Help 1]') }
assert log.contains("[INFO] re-locked changed ${m}: widened the id before the first release; never deployed".toString())
assert log.contains('[INFO] Wrote src/main/resources/db/migrations.lock (2 entries); commit it with the migrations')
assert log.findAll { it == '[INFO] BUILD SUCCESS' }.size() == 1

def lock = new File(basedir, 'src/main/resources/db/migrations.lock').readLines()
def entry = lock.findIndexOf { it.endsWith(' ' + m) }
assert entry > 0
assert lock[entry + 1] == '  forced: widened the id before the first release; never deployed'
return true
