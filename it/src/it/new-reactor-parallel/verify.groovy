// -T 2 from the root: each module gets one migration pair, the two versions differ (one JVM never issues a version
// twice), the aggregator is skipped. Then -pl module-b: only module-b gets a second pair.
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] Skipping new-reactor-parallel: it is an aggregator; its modules get the migration. To create one in a single module, run from here with -pl <module>')
def created = log.findAll { it.startsWith('[INFO] Created src/main/resources/db/migration/') }
assert created.size() == 3 : log.join('\n')
def versionOf = { line, slug ->
    def m = line =~ /^\[INFO\] Created src\/main\/resources\/db\/migration\/V(\d{14})__${slug}\.sql$/
    m.matches() ? m.group(1) : null
}
def audit = created.collect { versionOf(it, 'add_audit_log') }.findAll { it != null }
assert audit.size() == 2 && audit[0] != audit[1] : created
def index = created.collect { versionOf(it, 'add_audit_index') }.findAll { it != null }
assert index.size() == 1 : created

def files = { module, dir -> (new File(basedir, "${module}/src/main/resources/db/${dir}").list() ?: []).toList().sort() }
def a = files('module-a', 'migration')
def b = files('module-b', 'migration')
assert a.size() == 1 && a[0] ==~ /V\d{14}__add_audit_log\.sql/ : a
assert b.size() == 2 && b.any { it ==~ /V\d{14}__add_audit_log\.sql/ } && b.any { it == "V${index[0]}__add_audit_index.sql" } : b
assert (a + b).findAll { it.endsWith('add_audit_log.sql') }.collect { it.substring(1, 15) }.toSet() == audit.toSet()
assert files('module-a', 'undo') == a.collect { 'U' + it.substring(1) }
assert files('module-b', 'undo') == b.collect { 'U' + it.substring(1) }
assert !new File(basedir, 'src').exists()
