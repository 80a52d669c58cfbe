// The newest migration (2099-12-31 23:59:59) is ahead of the clock: the new one gets the next second, in the
// next century, and a warning says so.
def log = new File(basedir, 'build.log').readLines()
def warning = log.find { it.startsWith('[WARNING] The clock') }
assert warning ==~ /\[WARNING\] The clock \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\) is behind the newest migration src\/main\/resources\/db\/migration\/V20991231235959__create_widget\.sql; using version 21000101000000 \(newest \+ 1 second\) so the new migration sorts last\. Check the clock, and that version 20991231235959 is not a typo/ : log.join('\n')
assert log.contains('[INFO] Created src/main/resources/db/migration/V21000101000000__add_widget_colour.sql')
assert log.contains('[INFO] Created src/main/resources/db/undo/U21000101000000__add_widget_colour.sql')
assert new File(basedir, 'src/main/resources/db/migration/V20991231235959__create_widget.sql').text == 'CREATE TABLE widget (id BIGINT PRIMARY KEY);\n'
assert new File(basedir, 'src/main/resources/db/undo/U21000101000000__add_widget_colour.sql').isFile()
