// A fresh project: the migration and its down script appear with the same version, both paths are logged
// relative to the project, and each file starts with its header.
def log = new File(basedir, 'build.log').readLines()
def created = log.findAll { it.startsWith('[INFO] Created ') }
assert created.size() == 2 : log.join('\n')
def up = created[0] =~ /^\[INFO\] Created src\/main\/resources\/db\/migration\/V(\d{14})__add_user_preferences\.sql$/
assert up.matches() : created[0]
def version = up.group(1)
assert created[1] == "[INFO] Created src/main/resources/db/undo/U${version}__add_user_preferences.sql"

def upFile = new File(basedir, "src/main/resources/db/migration/V${version}__add_user_preferences.sql")
def downFile = new File(basedir, "src/main/resources/db/undo/U${version}__add_user_preferences.sql")
def upLines = upFile.readLines()
assert upLines[0] == '-- Add user preferences'
assert upLines[1] ==~ /-- Flyway migration version \Q${version}\E, created \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by mvn migration:new\./
def downLines = downFile.readLines()
assert downLines[0] == "-- Down script of src/main/resources/db/migration/V${version}__add_user_preferences.sql: Add user preferences"
assert !downFile.text.contains('migration:irreversible')
// nothing else was written
assert new File(basedir, 'src/main/resources/db/migration').list().toList() == ["V${version}__add_user_preferences.sql"]
assert new File(basedir, 'src/main/resources/db/undo').list().toList() == ["U${version}__add_user_preferences.sql"]
