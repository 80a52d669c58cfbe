// rebase gives the overtaken migration and its down script one fresh timestamp version after the newest locked
// one (20260110120000), lock records them, and the linear rule with requireLocked passes.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def renamed = log.findAll { it.startsWith('[INFO] Renamed ') }
assert renamed.size() == 2
def v = (renamed[0] =~ /^\[INFO\] Renamed src\/main\/resources\/db\/migration\/V20260105120000__mine\.sql -> src\/main\/resources\/db\/migration\/V(\d{14})__mine\.sql$/)
assert v.matches()
def version = v.group(1)
assert version > '20260110120000'
assert renamed[1] == "[INFO] Renamed src/main/resources/db/undo/U20260105120000__mine.sql -> src/main/resources/db/undo/U${version}__mine.sql".toString()
assert log.contains('[INFO] Now run `mvn migration:lock` (after testing) and commit the renamed files')
assert !new File(basedir, 'src/main/resources/db/migration/V20260105120000__mine.sql').exists()
assert new File(basedir, "src/main/resources/db/migration/V${version}__mine.sql").text == 'CREATE TABLE mine (id INT);\n'
assert new File(basedir, "src/main/resources/db/undo/U${version}__mine.sql").text == 'DROP TABLE mine;\n'
assert log.contains("[INFO] locked src/main/resources/db/migration/V${version}__mine.sql".toString())
assert log.findAll { it == '[INFO] BUILD SUCCESS' }.size() == 2
return true
