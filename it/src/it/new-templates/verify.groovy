// Three runs: a user template (placeholders filled, Flyway's ${...} left alone), the extension template with a
// name that needs quotes, and an irreversible migration whose down file carries the marker and the reason.
def log = new File(basedir, 'build.log').readLines()
def created = log.findAll { it.startsWith('[INFO] Created ') }
assert created.size() == 6 : log.join('\n')
def version = { line ->
    def m = line =~ /^\[INFO\] Created src\/main\/resources\/db\/migration\/V(\d{14})__\w+\.sql$/
    assert m.matches() : line
    m.group(1)
}
def mig = { v, slug -> new File(basedir, "src/main/resources/db/migration/V${v}__${slug}.sql") }
def undo = { v, slug -> new File(basedir, "src/main/resources/db/undo/U${v}__${slug}.sql") }

def v1 = version(created[0])
assert created[1] == "[INFO] Created src/main/resources/db/undo/U${v1}__add_audit_row.sql"
def up1 = mig(v1, 'add_audit_row').readLines()
assert up1[0] ==~ /-- add_audit_row \/ add_audit_row \/ V${v1} \/ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
assert up1[1] == "-- down: src/main/resources/db/undo/U${v1}__add_audit_row.sql"
assert up1[2] == "INSERT INTO audit (who) VALUES ('\${flyway:user}');"
assert undo(v1, 'add_audit_row').text == "-- undoes src/main/resources/db/migration/V${v1}__add_audit_row.sql\nDELETE FROM audit;\n"

def v2 = version(created[2])
assert created[3] == "[INFO] Created src/main/resources/db/undo/U${v2}__enable_uuid.sql"
assert mig(v2, 'enable_uuid').readLines().last() == 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";'
assert undo(v2, 'enable_uuid').readLines().last() == 'DROP EXTENSION IF EXISTS "uuid-ossp";'

def v3 = version(created[4])
assert created[5] == "[INFO] Created src/main/resources/db/undo/U${v3}__drop_legacy_audit.sql (marks the migration irreversible)"
assert undo(v3, 'drop_legacy_audit').readLines().contains('-- migration:irreversible reason="drops the \\"legacy\\" audit rows"')
assert [v1, v2, v3] == [v1, v2, v3].sort() && [v1, v2, v3].toSet().size() == 3
