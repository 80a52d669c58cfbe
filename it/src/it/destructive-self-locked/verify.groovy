// The migration the branch locked itself is checked: main's lock file at the merge base does not have it.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migration/V2__drop_legacy_code.sql:2: [drop-column] drops column users.legacy_code and its values - expand/contract: deploy code that no longer uses the column, archive its values, then drop it/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.contains('[ERROR] 1 migration violation; see above')
assert log.any { it ==~ /\[INFO\] Released migrations: those locked in src\/main\/resources\/db\/migrations\.lock at [0-9a-f]{12}, the merge base of HEAD with main, while their checksum is unchanged/ }
return true
