// Three runs, at most a few seconds apart, two of them in the same second of the same JVM: every run gets its own
// version, ascending, and every run's files are still there.
def log = new File(basedir, 'build.log').readLines()
def versions = log.findAll { it.startsWith('[INFO] Created src/main/resources/db/migration/') }.collect {
    def m = it =~ /^\[INFO\] Created src\/main\/resources\/db\/migration\/V(\d{14})__add_orders\.sql$/
    assert m.matches() : it
    m.group(1)
}
assert versions.size() == 3 : log.join('\n')
assert versions.unique(false).size() == 3 : versions
assert versions == versions.sort(false) : versions
versions.each { v ->
    assert log.contains("[INFO] Created src/main/resources/db/undo/U${v}__add_orders.sql".toString())
    def up = new File(basedir, "src/main/resources/db/migration/V${v}__add_orders.sql")
    assert up.readLines()[1].contains("version ${v},")
}
assert new File(basedir, 'src/main/resources/db/migration').list().length == 3
assert new File(basedir, 'src/main/resources/db/undo').list().length == 3
